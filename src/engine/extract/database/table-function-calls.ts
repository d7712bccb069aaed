import { ts } from 'ts-morph';

/**
 * One of the project's own functions that take a table name (`database.tableFunctions` in the
 * map); the extract stage has its own copy of the shape because facts never depend on the config
 * module, only on these values.
 */
export interface TableFunctionCall {
  /** `name` or `receiver.name` (the receiver's last name: `db.…`, `this.db.…`). */
  call: string;
  /** 1 for the first argument. */
  argument: number;
}

/** The function names of `functions`, for the text and token tests that admit a file. */
export function tableFunctionNames(functions: readonly TableFunctionCall[]): ReadonlySet<string> {
  return new Set(functions.map((f) => f.call.slice(f.call.lastIndexOf('.') + 1)));
}

/** Whether the text names one of the functions before a `(` (a superset: comments count too). */
export function mayCallTableFunction(text: string, names: ReadonlySet<string>): boolean {
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const before = at === 0 ? '' : text[at - 1];
      if (/[\w$]/.test(before)) continue;
      if (/^\s*(\?\.\s*)?\(/.test(text.slice(at + name.length, at + name.length + 64))) return true;
      if (/^[\w$]/.test(text.slice(at + name.length, at + name.length + 1))) continue;
      // A comment or a line break between the name and `(`: the tokens decide (see CodeHints).
      if (/^\s*(\/[/*]|\?\.\s*\/[/*])/.test(text.slice(at + name.length, at + name.length + 64))) return true;
    }
  }
  return false;
}

/**
 * `db.batchInsertSql('ops', rows)` for `{ call: "db.batchInsertSql", argument: 1 }`: the table
 * literal and the function it was given to. The callee's dotted chain must end with `call`'s.
 */
export function tableFunctionTableOf(call: ts.CallExpression, functions: readonly TableFunctionCall[]): { node: ts.StringLiteralLike; via: string } | undefined {
  if (functions.length === 0) return undefined;
  const chain = chainOf(call.expression);
  if (!chain) return undefined;
  for (const f of functions) {
    const parts = f.call.split('.');
    if (parts.length > chain.length || parts.some((p, i) => chain[chain.length - parts.length + i] !== p)) continue;
    const arg = call.arguments[f.argument - 1];
    if (arg && ts.isStringLiteralLike(arg) && arg.text !== '') return { node: arg, via: `${f.call}('${arg.text}')` };
  }
  return undefined;
}

/** `this.db.insert` → ['this', 'db', 'insert']; a part that is no name (a call, an index) is '?'. */
function chainOf(expr: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(expr)) return [expr.text];
  if (expr.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.name)) return [...(chainOf(expr.expression) ?? ['?']), expr.name.text];
  if (ts.isParenthesizedExpression(expr) || ts.isNonNullExpression(expr)) return chainOf(expr.expression);
  return undefined;
}
