import { ts } from 'ts-morph';
import { pluralize, snakeCase } from './naming';
import { calleeName, receiverName } from './sql-literals';
import type { TableDeclaration } from './database-facts';

type Declared = Omit<TableDeclaration, 'range'> & { node: ts.Node };

export const DRIZZLE_TABLES: ReadonlySet<string> = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable', 'gelTable', 'pgTableCreator']);

/**
 * A table defined by an entity class: TypeORM/MikroORM `@Entity(…)`, sequelize-typescript
 * `@Table(…) class X extends Model`, NestJS Mongoose `@Schema(…)`.
 */
export function classDeclaration(node: ts.ClassDeclaration): Declared | undefined {
  if (!node.name) return undefined;
  const className = node.name.text;
  const bindings = [className, ...(isDefaultExport(node) ? ['default'] : [])];
  for (const decorator of ts.getDecorators(node) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call)) continue;
    const name = calleeName(call.expression);
    const arg = call.arguments[0];
    const options = arg && ts.isObjectLiteralExpression(arg) ? arg : undefined;
    if (name === 'Entity') {
      const explicit = arg && ts.isStringLiteral(arg) ? arg.text : stringProperty(options, 'name') ?? stringProperty(options, 'tableName') ?? stringProperty(options, 'collection');
      const schema = stringProperty(options, 'schema');
      const table = explicit ?? snakeCase(className);
      return { table: schema ? `${schema}.${table}` : table, model: className, bindings, orm: 'typeorm', node: node.name };
    }
    if (name === 'Table' && extendsModel(node)) {
      const table = stringProperty(options, 'tableName') ?? pluralize(stringProperty(options, 'modelName') ?? className);
      return { table, model: stringProperty(options, 'modelName') ?? className, bindings, orm: 'sequelize', node: node.name };
    }
    if (name === 'Schema' && call.arguments.length <= 1) {
      const table = stringProperty(options, 'collection') ?? pluralize(className).toLowerCase();
      return { table, model: className, bindings, orm: 'mongoose', node: node.name };
    }
  }
  return undefined;
}

/**
 * A table defined by a call: Drizzle `pgTable('invoices', {…})` / `schema.table('invoices', {…})`,
 * Sequelize `sequelize.define('Invoice', {…})` / `Invoice.init({…}, { sequelize })`, Mongoose
 * `model('Invoice', schema)`.
 */
export function callDeclaration(call: ts.CallExpression): Declared | undefined {
  const method = calleeName(call.expression);
  const [first, second, third] = call.arguments;
  const binding = boundName(call);
  const bindings = binding ? [binding] : [];
  if (first && ts.isStringLiteral(first) && second && ts.isObjectLiteralExpression(second)) {
    if (DRIZZLE_TABLES.has(method) || method === 'table') {
      return { table: first.text, bindings, orm: 'drizzle', node: first };
    }
    if (method === 'define' && /sequelize|^db$|^orm$/i.test(receiverName(call.expression))) {
      const options = third && ts.isObjectLiteralExpression(third) ? third : undefined;
      const frozen = options && hasTrue(options, 'freezeTableName');
      const table = stringProperty(options, 'tableName') ?? (frozen ? first.text : pluralize(first.text));
      return { table, model: first.text, bindings, orm: 'sequelize', node: first };
    }
  }
  if (method === 'init' && second && ts.isObjectLiteralExpression(second) && ts.isPropertyAccessExpression(call.expression)) {
    const target = call.expression.expression;
    const hasSequelize = second.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'sequelize');
    if (ts.isIdentifier(target) && hasSequelize) {
      const model = stringProperty(second, 'modelName') ?? target.text;
      const table = stringProperty(second, 'tableName') ?? (hasTrue(second, 'freezeTableName') ? model : pluralize(model));
      return { table, model, bindings: [target.text], orm: 'sequelize', node: target };
    }
  }
  if (method === 'model' && first && ts.isStringLiteral(first) && second && call.arguments.length <= 4) {
    const collection = third && ts.isStringLiteral(third) ? third.text : pluralize(first.text).toLowerCase();
    return { table: collection, model: first.text, bindings, orm: 'mongoose', node: first };
  }
  return undefined;
}

/** `const InvoiceSchema = SchemaFactory.createForClass(Invoice)`: another name for Invoice's table. */
export function schemaAliasOf(call: ts.CallExpression): { alias: string; className: string } | undefined {
  const arg = call.arguments[0];
  const alias = boundName(call);
  if (calleeName(call.expression) !== 'createForClass' || !arg || !ts.isIdentifier(arg) || !alias) return undefined;
  return { alias, className: arg.text };
}

/** The variable a call's value is stored in (`export const invoices = pgTable(…)`), or `default`. */
function boundName(call: ts.CallExpression): string | undefined {
  let node: ts.Node = call;
  while (ts.isAsExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isExportAssignment(parent)) return 'default';
  return undefined;
}

function stringProperty(object: ts.ObjectLiteralExpression | undefined, key: string): string | undefined {
  for (const p of object?.properties ?? []) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === key && ts.isStringLiteralLike(p.initializer)) return p.initializer.text;
  }
  return undefined;
}

function hasTrue(object: ts.ObjectLiteralExpression, key: string): boolean {
  return object.properties.some((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === key && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function extendsModel(node: ts.ClassDeclaration): boolean {
  return !!node.heritageClauses?.some((h) => h.types.some((t) => calleeName(t.expression) === 'Model'));
}

function isDefaultExport(node: ts.ClassDeclaration): boolean {
  return !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}
