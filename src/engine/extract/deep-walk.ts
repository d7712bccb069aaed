import { ts } from 'ts-morph';
import type { AddFact } from './add-fact';
import { importClauseNames } from './import-clause-names';

/**
 * The imports that can stand anywhere in a file, found by walking the whole tree: `import(…)` and
 * `require(…)` calls, `import("…")` types and, with `jsDoc` (JavaScript files whose JSDoc may import,
 * parsed with their JSDoc), the JSDoc `@import` tags and the `import("…")` types in JSDoc type
 * expressions, which TypeScript's program follows in JavaScript files only.
 */
export function deepWalkFacts(sf: ts.SourceFile, jsDoc: boolean, add: AddFact): void {
  const visit = (node: ts.Node): void => {
    if (jsDoc) for (const doc of (node as { jsDoc?: readonly ts.JSDoc[] }).jsDoc ?? []) visit(doc);
    if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      const arg = node.arguments[0];
      if (ts.isStringLiteralLike(arg)) {
        if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(arg, 'dynamic-import', false, []);
        else if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) add(arg, 'require', false, []);
      }
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) add(arg.literal, 'import-type-query', true, []);
    } else if (ts.isJSDocImportTag(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text !== '') {
      add(node.moduleSpecifier, 'jsdoc-import', true, importClauseNames(node.importClause));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
