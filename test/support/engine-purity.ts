import * as ts from 'typescript';

export interface Impurity {
  line: number;
  what: string;
}

/** Modules the engine must never load: it runs in the CLI, the language server and tests alike. */
const FORBIDDEN_MODULES = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc.*)$/;

/**
 * What makes engine code impure: editor APIs, writing to the console, ending the process. The
 * engine reports through its result; only the CLI and the server decide what to print or exit with.
 */
export function findImpurities(fileName: string, text: string): Impurity[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Impurity[] = [];
  const report = (node: ts.Node, what: string): void => {
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });
  };
  const visit = (node: ts.Node): void => {
    const specifier = moduleSpecifierOf(node);
    if (specifier !== undefined && FORBIDDEN_MODULES.test(specifier)) report(node, `imports "${specifier}"`);
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const object = node.expression.text;
      const member = node.name.text;
      if (object === 'console') report(node, `uses console.${member}`);
      if (object === 'process' && (member === 'exit' || member === 'stdout' || member === 'stderr' || member === 'exitCode')) report(node, `uses process.${member}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function moduleSpecifierOf(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
    return node.moduleSpecifier.text;
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
    return node.moduleReference.expression.text;
  }
  if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
    const callee = node.expression;
    if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) return node.arguments[0].text;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
    return node.argument.literal.text;
  }
  return undefined;
}
