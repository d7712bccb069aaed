import { ts } from 'ts-morph';
import type { Range } from '../model/result';
import type { DatabaseFacts, TableDeclaration, TableReference } from './database-facts';
import { callDeclaration, classDeclaration, schemaAliasOf } from './orm-declarations';
import { modelNameArgumentOf, prismaDelegateOf, queryBuilderTableOf, sequelizeModelOf } from './query-builder-calls';
import { sqlOfLiteral } from './sql-literals';
import { sqlTables } from './sql-tables';

/**
 * Cheap test on the raw text: only files that mention SQL verbs or an ORM's vocabulary are walked.
 * Everything the walk can find needs one of these words.
 */
const DATABASE_HINT =
  /\$(?:queryRaw|executeRaw)|\b(?:sql|SQL|query|raw|execute|exec|unsafe|prepare|prisma|knex|db|tx|trx|qb|k|client|transaction|getRepository|getTreeRepository|getMongoRepository|InjectModel|InjectRepository|getModel|models|model|Entity|Table|Schema|createForClass|define|init|pgTable|mysqlTable|sqliteTable|singlestoreTable|gelTable|pgTableCreator|table|from|into|selectFrom|insertInto|updateTable|deleteFrom|[a-z]*[jJ]oin)\s*[(`.]/;

export function mayMentionDatabase(text: string): boolean {
  return DATABASE_HINT.test(text) || /prisma/i.test(text) || /['"`]\s*\(?\s*(?:select|insert|update|delete|with|merge|truncate|replace)\s/i.test(text);
}

/**
 * Table references and ORM table declarations of one parsed file. Walks the whole tree, so call
 * it only when `mayMentionDatabase` says the text can hold any.
 */
export function extractDatabaseFacts(sf: ts.SourceFile): DatabaseFacts | undefined {
  const references: TableReference[] = [];
  const declarations: (TableDeclaration & { node?: never })[] = [];
  const aliases: { alias: string; className: string }[] = [];
  const position = (offset: number): Range['start'] => {
    const p = sf.getLineAndCharacterOfPosition(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const rangeOf = (start: number, end: number): Range => ({ start: position(start), end: position(end) });
  const nodeRange = (node: ts.Node): Range => rangeOf(node.getStart(sf), node.end);
  const literalName = (node: ts.StringLiteral): Range => rangeOf(node.getStart(sf) + 1, node.end - 1);

  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const sql = sqlOfLiteral(node, sf);
      if (sql) {
        for (const t of sqlTables(sql.text)) {
          references.push({ kind: 'sql', name: t.name, range: rangeOf(sql.offset + t.start, sql.offset + t.end), via: 'SQL' });
        }
      }
    } else if (ts.isCallExpression(node)) {
      const prisma = prismaDelegateOf(node);
      if (prisma) references.push({ kind: 'prisma', name: prisma.node.text, range: nodeRange(prisma.node), via: prisma.via });
      const table = queryBuilderTableOf(node);
      if (table) references.push({ kind: 'query-builder', name: table.name, range: literalName(table.node), via: table.via });
      const model = modelNameArgumentOf(node);
      if (model) references.push({ kind: 'model-name', name: model.node.text, range: literalName(model.node), via: model.via });
      const declared = callDeclaration(node);
      if (declared) declarations.push(toDeclaration(declared));
      const alias = schemaAliasOf(node);
      if (alias) aliases.push(alias);
    } else if (ts.isPropertyAccessExpression(node)) {
      const model = sequelizeModelOf(node);
      if (model) references.push({ kind: 'model-name', name: model.node.text, range: nodeRange(model.node), via: model.via });
    } else if (ts.isClassDeclaration(node)) {
      const declared = classDeclaration(node);
      if (declared) declarations.push(toDeclaration(declared));
    }
    ts.forEachChild(node, (child) => {
      // The parser leaves parent pointers unset; the detectors look at a node's context.
      (child as { parent: ts.Node }).parent = node;
      visit(child);
    });
  };
  const toDeclaration = ({ node, ...rest }: Omit<TableDeclaration, 'range'> & { node: ts.Node }): TableDeclaration => ({ ...rest, range: nodeRange(node) });

  visit(sf);
  for (const { alias, className } of aliases) {
    declarations.find((d) => d.bindings.includes(className))?.bindings.push(alias);
  }
  if (references.length === 0 && declarations.length === 0) return undefined;
  return { references, declarations };
}
