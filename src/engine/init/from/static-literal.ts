import { ts } from 'ts-morph';
import { ForeignConfigError } from './foreign-map';
import { Unreadable } from './unreadable';

/**
 * The exported value of a JavaScript/TypeScript config file (`export default`, `export const
 * config`, `module.exports =`), read from its syntax tree without running it: literals, arrays,
 * objects, top-level `const`s and `defineConfig(…)`-style wrappers are followed; anything else
 * (calls, imports, functions, template literals with expressions) becomes an Unreadable, so that
 * `exportName` '*' takes the first exported const;
 * translating a config from an untrusted repository never executes its code. It loads TypeScript,
 * so callers require this file lazily (see lazyStaticExport): `check` never pays for it.
 */
export function readStaticExport(text: string, shown: string, exportName?: string): unknown {
  const kind = /\.[cm]?tsx?$/.test(shown) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(shown, text, ts.ScriptTarget.Latest, true, kind);
  const syntax = (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (syntax.length > 0) {
    const { line, character } = source.getLineAndCharacterOfPosition(syntax[0].start);
    throw new ForeignConfigError(`${shown}:${line + 1}:${character + 1}: syntax error (${ts.flattenDiagnosticMessageText(syntax[0].messageText, ' ')}).`);
  }
  const consts = new Map<string, ts.Expression>();
  let exported: ts.Expression | undefined;
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      const isExport = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        consts.set(d.name.text, d.initializer);
        if (isExport && (d.name.text === exportName || (exportName === '*' && !exported))) exported = d.initializer;
      }
    } else if (ts.isExportAssignment(statement)) {
      if (!exportName) exported = statement.expression;
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = statement.expression.left.getText(source);
      if (!exportName && (target === 'module.exports' || target === 'exports.default')) exported = statement.expression.right;
    }
  }
  if (!exported) return undefined;
  const where = (node: ts.Node): string => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return `${shown}:${line + 1}:${character + 1}`;
  };
  const seen = new Set<string>();
  const value = (node: ts.Expression): unknown => {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node)) return value(node.expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isNumericLiteral(node)) return Number(node.text);
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (node.kind === ts.SyntaxKind.NullKeyword) return null;
    if (ts.isRegularExpressionLiteral(node)) return new Unreadable(node.text, where(node));
    if (ts.isArrayLiteralExpression(node)) {
      const items: unknown[] = [];
      for (const e of node.elements) {
        if (ts.isSpreadElement(e)) {
          const spread = value(e.expression);
          if (Array.isArray(spread)) items.push(...spread);
          else items.push(new Unreadable(e.getText(source), where(e)));
        } else items.push(value(e));
      }
      return items;
    }
    if (ts.isObjectLiteralExpression(node)) {
      const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const p of node.properties) {
        if (ts.isSpreadAssignment(p)) {
          const spread = value(p.expression);
          if (spread && typeof spread === 'object' && !Array.isArray(spread) && !(spread instanceof Unreadable)) Object.assign(object, spread);
          continue;
        }
        const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) ? p.name.text : undefined;
        if (key === undefined) continue;
        if (ts.isPropertyAssignment(p)) object[key] = value(p.initializer);
        else if (ts.isShorthandPropertyAssignment(p)) object[key] = value(p.name);
        else object[key] = new Unreadable(p.getText(source), where(p));
      }
      return object;
    }
    if (ts.isIdentifier(node) && consts.has(node.text) && !seen.has(node.text)) {
      seen.add(node.text);
      try {
        return value(consts.get(node.text)!);
      } finally {
        seen.delete(node.text);
      }
    }
    // `defineConfig({…})`, `tseslint.config(a, b)`: wrappers that return their arguments.
    if (ts.isCallExpression(node) && /(^|\.)(define\w*Config|config)$/.test(node.expression.getText(source))) {
      const args = node.arguments.map((a) => (ts.isSpreadElement(a) ? value(a.expression) : value(a)));
      return args.length === 1 ? args[0] : args.flatMap((a) => (Array.isArray(a) ? a : [a]));
    }
    return new Unreadable(node.getText(source), where(node));
  };
  return value(exported);
}

/** readStaticExport, with TypeScript loaded only when a config is actually read. */
export type ReadStaticExport = typeof readStaticExport;
