import { ts } from 'ts-morph';
import { startsLikeSql } from './sql-tables';

/** Tags whose template is SQL: `sql`, `sql.type(x)`, `Prisma.sql`, `prisma.$queryRaw`, `db.execute(sql…)`. */
export const SQL_TAGS: ReadonlySet<string> = new Set(['sql', 'SQL', '$queryRaw', '$executeRaw', 'queryRaw', 'executeRaw']);
/** Calls whose string argument is SQL whatever it starts with. */
export const SQL_CALLS: ReadonlySet<string> = new Set([
  'query', 'raw', 'execute', 'exec', 'unsafe', 'prepare',
  '$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe', 'queryRaw', 'executeRaw',
  'whereRaw', 'joinRaw', 'fromRaw', 'havingRaw', 'orderByRaw', 'selectRaw', 'createQuery', 'createNativeQuery',
]);
/** Calls whose string argument is a message for people, however much it reads like SQL. */
const MESSAGE_CALLS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal', 'verbose', 'notice', 'assert']);

/**
 * How a literal passed to a call (or `new`) as a whole argument is read: never as SQL (an
 * object's construction, a message for people), always (a SQL call), or when it starts like a
 * statement. `callee` and `receiver` as calleeName and receiverName give them.
 */
export function argumentReading(callee: string, receiver: string, isNew: boolean): 'never' | 'always' | 'if-statement' {
  if (isNew || MESSAGE_CALLS.has(callee) || /^console$|logger|^log$/i.test(receiver)) return 'never';
  return SQL_CALLS.has(callee) ? 'always' : 'if-statement';
}

/** A literal that holds SQL: its text with offsets into the source file. */
export interface SqlLiteral {
  /** Same length as the source range it covers; substitutions read as `?`, JS escapes as spaces. */
  text: string;
  /** Source offset of `text[0]`. */
  offset: number;
}

/**
 * The SQL held by a string or template literal, or undefined when the literal is not SQL: SQL is
 * a tagged `sql` template, an argument of `query()`/`raw()`/`$queryRaw…`, or a literal that starts
 * like a statement (`SELECT`, `INSERT`, `UPDATE`, `DELETE`, `WITH`, `MERGE`) and is not a message
 * passed to a logger or an error.
 */
export function sqlOfLiteral(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression, sf: ts.SourceFile): SqlLiteral | undefined {
  let top: ts.Node = node;
  while (isConcatenation(top.parent) || ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const holder = top.parent;
  let tagged = false;
  let queryArgument = false;
  if (ts.isTaggedTemplateExpression(node.parent)) {
    if (!namesIn(node.parent.tag).some((n) => SQL_TAGS.has(n))) return undefined;
    tagged = true;
  } else if ((ts.isCallExpression(holder) || ts.isNewExpression(holder)) && holder.arguments?.includes(top as ts.Expression)) {
    const reading = argumentReading(calleeName(holder.expression), receiverName(holder.expression), ts.isNewExpression(holder));
    if (reading === 'never') return undefined;
    queryArgument = reading === 'always';
  } else if (!ts.isVariableDeclaration(holder) && !ts.isPropertyAssignment(holder) && !ts.isReturnStatement(holder) &&
    !ts.isArrayLiteralExpression(holder) && !ts.isConditionalExpression(holder) && !ts.isArrowFunction(holder) &&
    !ts.isPropertyDeclaration(holder) && !ts.isAsExpression(holder) && !ts.isBinaryExpression(holder)) {
    // Import specifiers, enum values, type literals, keys and the like are never SQL.
    return undefined;
  }
  const continuesSql = top !== node && concatenationStartsLikeSql(top, node);
  // Cheap test on the cooked text before the offset-preserving copy below.
  if (!tagged && !queryArgument && !continuesSql && !startsLikeSql(ts.isTemplateExpression(node) ? node.head.text : node.text)) return undefined;
  const start = node.getStart(sf);
  // `${` … `}` of each substitution becomes `?` and spaces, keeping every offset.
  const substitutions = ts.isTemplateExpression(node)
    ? node.templateSpans.map((span) => [span.expression.pos - 2 - start, span.literal.getStart(sf) + 1 - start] as const)
    : [];
  return { text: blankedSql(sf.text.slice(start, node.end), substitutions), offset: start };
}

/** The SQL the detector reads in a string or a template without substitutions, from its source text. */
export function plainLiteralSql(source: string): string {
  return blankedSql(source, []);
}

/**
 * A literal's source with its quotes, substitutions (`[from, to)` offsets from `${` to after its
 * `}`) and JS escapes blanked, each offset kept: substitutions read as `?`.
 */
export function blankedSql(source: string, substitutions: readonly (readonly [number, number])[]): string {
  const chars = source.split('');
  chars[0] = ' ';
  chars[chars.length - 1] = ' ';
  for (const [from, to] of substitutions) {
    for (let i = from; i < to; i++) chars[i] = i === from ? '?' : ' ';
  }
  for (let i = 0; i < chars.length - 1; i++) {
    if (chars[i] === '\\') {
      chars[i] = ' ';
      if (!`'"\``.includes(chars[i + 1])) chars[i + 1] = ' ';
      i++;
    }
  }
  return chars.join('');
}

/** `'SELECT * FROM a ' + 'JOIN b …'`: later parts of a concatenation that starts like SQL are SQL too. */
function concatenationStartsLikeSql(root: ts.Node, node: ts.Node): boolean {
  let first: ts.Node = root;
  while (ts.isBinaryExpression(first) || ts.isParenthesizedExpression(first)) first = ts.isBinaryExpression(first) ? first.left : first.expression;
  if (first === node || !(ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) || ts.isTemplateExpression(first))) return false;
  return startsLikeSql(ts.isTemplateExpression(first) ? first.head.text : first.text);
}

function isConcatenation(node: ts.Node | undefined): node is ts.BinaryExpression {
  return !!node && ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;
}

/** The name a call goes by: `query` for `pool.query(…)` and `query(…)`. */
export function calleeName(expr: ts.Expression): string {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return '';
}

/** The name of what a method is called on: `logger` for `this.logger.warn(…)`. */
export function receiverName(expr: ts.Expression): string {
  if (!ts.isPropertyAccessExpression(expr)) return '';
  const target = expr.expression;
  if (ts.isIdentifier(target)) return target.text;
  if (ts.isPropertyAccessExpression(target)) return target.name.text;
  if (target.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  return '';
}

/** Every identifier and property name in a tag or callee expression. */
function namesIn(expr: ts.Expression): string[] {
  if (ts.isIdentifier(expr)) return [expr.text];
  if (ts.isPropertyAccessExpression(expr)) return [...namesIn(expr.expression), expr.name.text];
  if (ts.isCallExpression(expr)) return namesIn(expr.expression);
  return [];
}
