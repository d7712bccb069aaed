import type { Range } from '../../model';

/**
 * What one file says about database tables, independent of any config (so it can be cached with
 * the file's other facts). The `database-coupling` rule decides which references cross modules.
 */
export interface DatabaseFacts {
  references: TableReference[];
  declarations: TableDeclaration[];
}

export type TableReferenceKind =
  /** A table named in SQL text (string, template or tagged template). */
  | 'sql'
  /** A Prisma client delegate: `prisma.invoice.findMany(…)`; `name` is the delegate (`invoice`). */
  | 'prisma'
  /** A query-builder table argument: `knex('invoices')`, `.from('invoices')`, `selectFrom('invoices')`. */
  | 'query-builder'
  /** An ORM model or entity by name: `getRepository('Invoice')`, `mongoose.model('Invoice')`, `sequelize.models.Invoice`. */
  | 'model-name';

export interface TableReference {
  kind: TableReferenceKind;
  /** As written, unquoted; schema-qualified names keep their `.`. */
  name: string;
  /** The table name itself (inside the literal), not the whole statement. */
  range: Range;
  /** How the code reaches the table, for messages: `SQL`, `prisma.invoice`, `knex('invoices')`. */
  via: string;
}

/** A table (or collection) that this file defines through an ORM. */
export interface TableDeclaration {
  /** Table or collection name, schema-qualified when the code says so. */
  table: string;
  /** Model/entity name code uses for it (`Invoice`), when it has one. */
  model?: string;
  /** Names in this file that stand for the table: the entity class, model or table variable. */
  bindings: string[];
  orm: 'typeorm' | 'sequelize' | 'mongoose' | 'drizzle';
  /** The table or class name where it is declared. */
  range: Range;
}
