import { ts } from 'ts-morph';
import { ts as scanner } from '../typescript-scanner';
import type { Range } from '../../model';
import type { DatabaseFacts, TableDeclaration, TableReference } from './database-facts';
import { callDeclaration, classDeclaration, schemaAliasOf } from './orm-declarations';
import { modelNameArgumentOf, prismaDelegateOf, queryBuilderTableOf, sequelizeModelOf } from './query-builder-calls';
import { sqlOfLiteral } from './sql-literals';
import { sqlTables } from './sql-tables';
import { mayCallTableFunction, tableFunctionNames, tableFunctionTableOf, type TableFunctionCall } from './table-function-calls';

// The scanner chunk's kinds (the same numbers): reading them at load does not load all of TypeScript.
const SK = scanner.SyntaxKind;

/**
 * Cheap test on the raw text: only files that mention SQL verbs or an ORM's vocabulary are walked.
 * Everything the walk can find needs one of these words. Calls may pass type arguments
 * (`knex<Invoice>('invoices')`, `getRepository<Invoice>('Invoice')`): the last alternative.
 */
export const DATABASE_HINT =
  /\$(?:queryRaw|executeRaw)|\b(?:sql|SQL|query|raw|execute|exec|unsafe|prepare|prisma|knex|db|tx|trx|qb|k|client|transaction|InjectModel|getModel|models|model|Entity|Table|Schema|createForClass|define|init|table|from|into|collection|join|Repository)\s*[(`.]|[a-z](?:Repository|Query|Raw|Table|Join|From|Into)\s*[(`.]|\bmodels\s*\[|\b(?:sql|query|raw|execute|exec|unsafe|prepare|knex|db|tx|trx|qb|k|define|init|model|getModel|Entity|Table|Schema|table|from|into|join|collection|createForClass|[A-Za-z][\w$]*(?:Repository|Query|Raw|Table|Join|From|Into|Model))\s*</;

/** A string or template that starts like a SQL statement. */
const SQL_LITERAL_HINT = /['"`]\s*\(?\s*(?:select|insert|update|delete|with|merge|truncate|replace)\s/i;

export function mayMentionDatabase(text: string, functions: readonly TableFunctionCall[] = []): boolean {
  return SQL_LITERAL_HINT.test(text) || /prisma/i.test(text) || DATABASE_HINT.test(text) || (functions.length > 0 && mayCallTableFunction(text, tableFunctionNames(functions)));
}

/**
 * Table references and ORM table declarations of one parsed file. Walks the whole tree, so call
 * it only when `mayMentionDatabase` says the text can hold any.
 */
export function extractDatabaseFacts(sf: ts.SourceFile, functions: readonly TableFunctionCall[] = []): DatabaseFacts | undefined {
  const references: TableReference[] = [];
  const declarations: TableDeclaration[] = [];
  const aliases: { alias: string; className: string }[] = [];
  const position = (offset: number): Range['start'] => {
    const p = sf.getLineAndCharacterOfPosition(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const rangeOf = (start: number, end: number): Range => ({ start: position(start), end: position(end) });
  const nodeRange = (node: ts.Node): Range => rangeOf(node.getStart(sf), node.end);
  const literalName = (node: ts.StringLiteral): Range => rangeOf(node.getStart(sf) + 1, node.end - 1);

  /** The ancestors of the node being visited, innermost last. */
  const path: ts.Node[] = [];
  /**
   * The parser leaves parent pointers unset and the detectors look at a node's context; linking
   * only the path to a node that is looked at costs far less than linking every node.
   */
  const linkParents = (): void => {
    for (let i = path.length - 1; i > 0 && path[i].parent !== path[i - 1]; i--) (path[i] as { parent: ts.Node }).parent = path[i - 1];
  };
  const visit = (node: ts.Node): void => {
    const kind = node.kind;
    // Types and import/export declarations hold no table access; skipping them keeps the walk short.
    if (kind >= SK.FirstTypeNode && kind <= SK.LastTypeNode) return;
    switch (kind) {
      case SK.InterfaceDeclaration:
      case SK.TypeAliasDeclaration:
      case SK.ImportDeclaration:
      case SK.ExportDeclaration:
        return;
      case SK.StringLiteral:
      case SK.NoSubstitutionTemplateLiteral:
      case SK.TemplateExpression: {
        path.push(node);
        linkParents();
        path.pop();
        const sql = sqlOfLiteral(node as ts.StringLiteral, sf);
        if (!sql) break;
        for (const t of sqlTables(sql.text)) {
          references.push({ kind: 'sql', name: t.name, range: rangeOf(sql.offset + t.start, sql.offset + t.end), via: 'SQL' });
        }
        break;
      }
      case SK.CallExpression:
        path.push(node);
        linkParents();
        path.pop();
        visitCall(node as ts.CallExpression);
        break;
      case SK.PropertyAccessExpression:
      case SK.ElementAccessExpression: {
        path.push(node);
        linkParents();
        path.pop();
        const model = sequelizeModelOf(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
        if (model) {
          const range = ts.isStringLiteral(model.node) ? literalName(model.node) : nodeRange(model.node);
          references.push({ kind: 'model-name', name: model.node.text, range, via: model.via });
        }
        break;
      }
      case SK.ClassDeclaration: {
        const declared = classDeclaration(node as ts.ClassDeclaration);
        if (declared) declarations.push(toDeclaration(declared));
        break;
      }
    }
    path.push(node);
    ts.forEachChild(node, visit);
    path.pop();
  };
  const visitCall = (node: ts.CallExpression): void => {
    const prisma = prismaDelegateOf(node);
    if (prisma) references.push({ kind: 'prisma', name: prisma.node.text, range: nodeRange(prisma.node), via: prisma.via });
    const table = queryBuilderTableOf(node);
    if (table) references.push({ kind: 'query-builder', name: table.name, range: literalName(table.node), via: table.via });
    const own = tableFunctionTableOf(node, functions);
    if (own && own.node !== table?.node) references.push({ kind: 'query-builder', name: own.node.text, range: literalName(own.node as ts.StringLiteral), via: own.via });
    const model = modelNameArgumentOf(node);
    if (model) references.push({ kind: 'model-name', name: model.node.text, range: literalName(model.node), via: model.via });
    const declared = callDeclaration(node);
    if (declared) declarations.push(toDeclaration(declared));
    const alias = schemaAliasOf(node);
    if (alias) aliases.push(alias);
  };
  const toDeclaration = ({ node, ...rest }: Omit<TableDeclaration, 'range'> & { node: ts.Node }): TableDeclaration => ({ ...rest, range: nodeRange(node) });

  visit(sf);
  for (const { alias, className } of aliases) {
    declarations.find((d) => d.bindings.includes(className))?.bindings.push(alias);
  }
  if (references.length === 0 && declarations.length === 0) return undefined;
  // The walk meets outer calls before inner ones; facts read better in document order.
  references.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
  return { references, declarations };
}
