import { ts } from 'ts-morph';
import { calleeName, receiverName } from './sql-literals';

/** Prisma delegate methods: `prisma.<model>.<method>(…)`. */
const PRISMA_METHODS = new Set([
  'findMany', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'create', 'createMany',
  'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany',
  'count', 'aggregate', 'groupBy',
]);
/** What a Prisma client is called in practice: `prisma`, `this.prisma`, `prismaService`, `tx`. */
const PRISMA_CLIENT = /prisma|^(?:tx|trx|transaction|db|client)$/i;

/** Methods whose first argument names a table (Knex, Kysely, MikroORM's qb) or a collection (MongoDB, Firestore). */
const TABLE_METHODS = new Set([
  'from', 'into', 'table', 'selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto',
  'collection', 'hasTable', 'createTable', 'createTableIfNotExists', 'alterTable', 'dropTable', 'dropTableIfExists', 'renameTable',
]);
const JOIN_METHODS = new Set([
  'join', 'innerJoin', 'leftJoin', 'leftOuterJoin', 'rightJoin', 'rightOuterJoin', 'fullOuterJoin', 'crossJoin',
]);
/** A callable query builder: `knex('invoices')`, `db('invoices')`, `this.knex('invoices')`. */
const KNEX_CALLEE = /knex|^(?:db|trx|tx|qb|k)$/i;
/** Receivers whose `from`/`join`/`table` are not database calls. */
const NOT_A_BUILDER = /^(?:Array|Buffer|Object|String|Promise|Set|Map|path|posix|win32|url|URL|Observable|Readable|Stream|Uint8Array|rxjs|_|lodash|console|this)$/;
/** `invoices`, `billing.invoices`, `invoices as i`, `invoices i`. */
const TABLE_ARGUMENT = /^\s*((?:[A-Za-z_][\w$]*\.)*[A-Za-z_][\w$]*)(?:\s+(?:as\s+)?[A-Za-z_][\w$]*)?\s*$/i;

/** `prisma.invoice.findMany(…)`: the delegate's identifier and how it was reached. */
export function prismaDelegateOf(call: ts.CallExpression): { node: ts.Identifier; via: string } | undefined {
  const method = call.expression;
  if (!ts.isPropertyAccessExpression(method) || !PRISMA_METHODS.has(method.name.text)) return undefined;
  const delegate = method.expression;
  if (!ts.isPropertyAccessExpression(delegate) || !ts.isIdentifier(delegate.name)) return undefined;
  const client = delegate.expression;
  const clientName = ts.isIdentifier(client) ? client.text : ts.isPropertyAccessExpression(client) ? client.name.text : '';
  if (!PRISMA_CLIENT.test(clientName)) return undefined;
  return { node: delegate.name, via: `${clientName}.${delegate.name.text}` };
}

/** `knex('invoices')`, `.from('invoices')`, `.leftJoin('invoices', …)`: the table argument. */
export function queryBuilderTableOf(call: ts.CallExpression): { node: ts.StringLiteral; name: string; via: string } | undefined {
  const arg = call.arguments[0];
  if (!arg || !ts.isStringLiteral(arg)) return undefined;
  const name = TABLE_ARGUMENT.exec(arg.text)?.[1];
  if (!name) return undefined;
  const callee = call.expression;
  const method = calleeName(callee);
  const via = (what: string): { node: ts.StringLiteral; name: string; via: string } => ({ node: arg, name, via: `${what}('${arg.text}')` });
  if (ts.isIdentifier(callee) || (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword)) {
    return call.arguments.length === 1 && KNEX_CALLEE.test(method) ? via(method) : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) || NOT_A_BUILDER.test(receiverName(callee))) return undefined;
  // `.table('t', { … })` defines a Drizzle table; `.join(', ')` joins an array.
  if (TABLE_METHODS.has(method) && !call.arguments.slice(1).some(ts.isObjectLiteralExpression)) return via(`.${method}`);
  if (JOIN_METHODS.has(method) && call.arguments.length >= 2) return via(`.${method}`);
  return undefined;
}

const MODEL_BY_NAME = new Set(['getRepository', 'getTreeRepository', 'getMongoRepository', 'InjectModel', 'InjectRepository', 'getModel']);

/** `getRepository('Invoice')`, `@InjectModel('Invoice')`, `mongoose.model('Invoice')`: an ORM model by name. */
export function modelNameArgumentOf(call: ts.CallExpression): { node: ts.StringLiteral; via: string } | undefined {
  const arg = call.arguments[0];
  if (!arg || !ts.isStringLiteral(arg) || !/^[A-Za-z_][\w$]*$/.test(arg.text)) return undefined;
  const method = calleeName(call.expression);
  if (MODEL_BY_NAME.has(method) || (method === 'model' && call.arguments.length === 1)) {
    return { node: arg, via: `${method}('${arg.text}')` };
  }
  return undefined;
}

/** `sequelize.models.Invoice` / `db.models.Invoice`. */
export function sequelizeModelOf(node: ts.PropertyAccessExpression): { node: ts.Identifier; via: string } | undefined {
  const models = node.expression;
  // Half-typed `sequelize.models.` parses with a missing (empty) name.
  if (!ts.isPropertyAccessExpression(models) || models.name.text !== 'models' || !ts.isIdentifier(node.name) || !node.name.text) return undefined;
  return { node: node.name, via: `models.${node.name.text}` };
}
