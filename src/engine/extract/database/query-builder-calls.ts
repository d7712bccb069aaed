import { ts } from 'ts-morph';
import { calleeName, receiverName } from './sql-literals';

/** Prisma delegate methods: `prisma.<model>.<method>(…)`. */
export const PRISMA_METHODS: ReadonlySet<string> = new Set([
  'findMany', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'create', 'createMany',
  'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany',
  'count', 'aggregate', 'groupBy',
]);
/** What a Prisma client is called in practice: `prisma`, `this.prisma`, `prismaService`, `tx`. */
export const PRISMA_CLIENT = /prisma|^(?:tx|trx|transaction|db|client)$/i;

/** Methods whose first argument names a table (Knex, Kysely, MikroORM's qb) or a collection (MongoDB, Firestore). */
export const TABLE_METHODS: ReadonlySet<string> = new Set([
  'from', 'into', 'table', 'selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto',
  'collection', 'hasTable', 'createTable', 'createTableIfNotExists', 'alterTable', 'dropTable', 'dropTableIfExists', 'renameTable',
]);
export const JOIN_METHODS: ReadonlySet<string> = new Set([
  'join', 'innerJoin', 'leftJoin', 'leftOuterJoin', 'rightJoin', 'rightOuterJoin', 'fullOuterJoin', 'crossJoin',
]);
/** A callable query builder: `knex('invoices')`, `db('invoices')`, `this.knex('invoices')`. */
export const KNEX_CALLEE = /knex|^(?:db|trx|tx|qb|k)$/i;
/** Receivers whose `from`/`join`/`table` are not database calls. */
export const NOT_A_BUILDER = /^(?:Array|Buffer|Object|String|Promise|Set|Map|path|posix|win32|url|URL|Observable|Readable|Stream|Uint8Array|rxjs|_|lodash|console|this)$/;
/** `invoices`, `billing.invoices`, `invoices as i`, `invoices i`. */
export const TABLE_ARGUMENT = /^\s*((?:[A-Za-z_][\w$]*\.)*[A-Za-z_][\w$]*)(?:\s+(?:as\s+)?[A-Za-z_][\w$]*)?\s*$/i;

/**
 * `prisma.invoice.findMany(…)`: the delegate's identifier and how it was reached. The client may
 * come from a call (`this.prismaService.txClient().user`, `(await this.db.client()).order`) or be
 * the callback parameter of `prisma.$transaction(async (t) => t.invoice.create())`. `via` names
 * the client's chain, which the rule reads when there is no Prisma schema to check the model.
 */
export function prismaDelegateOf(call: ts.CallExpression): { node: ts.Identifier; via: string } | undefined {
  const method = call.expression;
  if (!ts.isPropertyAccessExpression(method) || !PRISMA_METHODS.has(method.name.text)) return undefined;
  const delegate = method.expression;
  if (!ts.isPropertyAccessExpression(delegate) || !ts.isIdentifier(delegate.name)) return undefined;
  const client = unwrap(delegate.expression);
  if (ts.isIdentifier(client)) {
    const transaction = transactionOf(client.text, call);
    if (transaction) return { node: delegate.name, via: `${transaction}(${client.text}).${delegate.name.text}` };
  }
  const chain = clientChain(client);
  if (!chain.some((name) => PRISMA_CLIENT.test(name))) return undefined;
  return { node: delegate.name, via: `${chain.join('.')}.${delegate.name.text}` };
}

/** `await x`, `(x)`, `x!`, `x as T`: the expression that holds the value. */
function unwrap(node: ts.Expression): ts.Expression {
  let e = node;
  while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

/** The names along a client expression, outermost first: `this.prismaService.txClient()` → prismaService, txClient. */
function clientChain(node: ts.Expression): string[] {
  const names: string[] = [];
  let e = unwrap(node);
  for (let depth = 0; depth < 8; depth++) {
    if (ts.isCallExpression(e)) e = unwrap(e.expression);
    else if (ts.isPropertyAccessExpression(e)) {
      names.unshift(e.name.text);
      e = unwrap(e.expression);
    } else break;
  }
  if (ts.isIdentifier(e)) names.unshift(e.text);
  return names;
}

/**
 * When `name` is a parameter of the innermost enclosing function that declares it, and that
 * function is an argument of `<prisma client>.$transaction(…)`: the transaction's receiver and
 * method, e.g. `this.prisma.$transaction`. Needs the parent links the walk sets on a call's path.
 */
function transactionOf(name: string, from: ts.Node): string | undefined {
  for (let node: ts.Node | undefined = from.parent; node; node = node.parent) {
    if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node) && !ts.isFunctionDeclaration(node) && !ts.isMethodDeclaration(node)) continue;
    if (!node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) continue;
    const call = node.parent;
    if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== '$transaction') return undefined;
    const receiver = clientChain(call.expression.expression);
    return receiver.some((n) => PRISMA_CLIENT.test(n)) ? `${receiver.join('.')}.$transaction` : undefined;
  }
  return undefined;
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

export const MODEL_BY_NAME: ReadonlySet<string> = new Set(['getRepository', 'getTreeRepository', 'getMongoRepository', 'InjectModel', 'InjectRepository', 'getModel']);

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

/** Sequelize model methods, for `models.Trader.findAll()` where `models` was destructured. */
export const SEQUELIZE_METHODS: ReadonlySet<string> = new Set([
  'findAll', 'findOne', 'findByPk', 'findOrCreate', 'findAndCountAll', 'findCreateFind', 'create', 'bulkCreate',
  'update', 'upsert', 'destroy', 'restore', 'count', 'sum', 'max', 'min', 'increment', 'decrement', 'truncate', 'aggregate',
]);

/**
 * `sequelize.models.Invoice`, `db.models.Invoice`, `sequelize.models['Invoice']`, and after
 * `const { models } = this` a bare `models.Invoice` that a model method is called on.
 */
export function sequelizeModelOf(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): { node: ts.Identifier | ts.StringLiteral; via: string } | undefined {
  const name = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
  // Half-typed `sequelize.models.` parses with a missing (empty) name.
  if (!(ts.isIdentifier(name) || ts.isStringLiteral(name)) || !/^[A-Za-z_][\w$]*$/.test(name.text)) return undefined;
  const models = node.expression;
  const via = { node: name, via: `models.${name.text}` };
  if (ts.isPropertyAccessExpression(models) && models.name.text === 'models') return via;
  if (!ts.isIdentifier(models) || models.text !== 'models' || !ts.isPropertyAccessExpression(node)) return undefined;
  // A bare `models.X` is a Sequelize model only when a model method is called on it.
  const access = node.parent;
  return access && ts.isPropertyAccessExpression(access) && access.expression === node && SEQUELIZE_METHODS.has(access.name.text) && access.parent && ts.isCallExpression(access.parent)
    ? via
    : undefined;
}
