import { ts } from 'ts-morph';
import type { AddFact } from './add-fact';

/**
 * What TypeScript's program takes from `declare module "m" { … }` (`collectModuleReferences`): in a
 * module file the name itself, which augments the module it resolves to; in a script, the imports
 * and re-exports of the block whose names are not relative, and the non-relative blocks nested in
 * it (augmentations too). All of it is type-level: nothing is emitted for an ambient block.
 */
export function ambientModuleFacts(declaration: ts.ModuleDeclaration, moduleFile: boolean, nested: boolean, add: AddFact): void {
  const name = declaration.name as ts.StringLiteral;
  if (moduleFile || (nested && !isRelative(name.text))) {
    add(name, 'module-augmentation', true, []);
    return;
  }
  if (nested || !declaration.body || !ts.isModuleBlock(declaration.body)) return;
  for (const inner of declaration.body.statements) {
    const specifier = ts.isImportDeclaration(inner) || ts.isExportDeclaration(inner) ? inner.moduleSpecifier
      : ts.isImportEqualsDeclaration(inner) && ts.isExternalModuleReference(inner.moduleReference) ? inner.moduleReference.expression
      : undefined;
    if (specifier && ts.isStringLiteral(specifier) && specifier.text !== '' && !isRelative(specifier.text)) {
      add(specifier, ts.isImportEqualsDeclaration(inner) ? 'import-equals' : ts.isExportDeclaration(inner) ? 'export' : 'import', true, []);
    } else if (ts.isModuleDeclaration(inner) && ts.isStringLiteral(inner.name)) {
      ambientModuleFacts(inner, moduleFile, true, add);
    }
  }
}

/** TypeScript's `isExternalModuleNameRelative`. */
function isRelative(name: string): boolean {
  return /^\.\.?(?:$|[\\/])/.test(name) || /^(?:[\\/]|[A-Za-z]:)/.test(name);
}

/**
 * Whether the program treats the file as a module: imports, exports or `import.meta`, or (outside
 * declaration files) an extension that makes it one. A `.ts`/`.js` file that is ESM only through
 * its package.json `type` counts as a script here.
 */
export function isModuleFile(sf: ts.SourceFile): boolean {
  return ts.isExternalModule(sf) || (!sf.isDeclarationFile && /\.[cm][jt]s$/.test(sf.fileName));
}

export function isAmbient(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
}
