import { ts } from 'ts-morph';
import { scriptKind } from './import-statement';

/** Whether an export is a value (may be re-exported with `export {}`) or only a type (needs `export type {}`). */
export type DeclarationSpace = 'value' | 'type';

/**
 * What `name`, exported by `file` itself, declares: a value when any of its merged declarations is
 * one (class, function, variable, enum, namespace, `export default <expression>`), a type when all
 * are interfaces or type aliases; undefined when the file does not declare it where this can see.
 */
export function declarationSpace(fileName: string, text: string, name: string): DeclarationSpace | undefined {
  if (!/\.[cm]?tsx?$/.test(fileName)) return 'value'; // JavaScript has no type-only exports
  const sf = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind(fileName));
  const locals = new Map<string, DeclarationSpace>();
  const note = (local: string, space: DeclarationSpace) => {
    if (locals.get(local) !== 'value') locals.set(local, space);
  };
  /** exported name -> local name, from `export { a as b }` without `from`. */
  const exported = new Map<string, string>();
  for (const s of sf.statements) {
    const isExported = ts.canHaveModifiers(s) && !!ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = ts.canHaveModifiers(s) && !!ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    const declared = declaredNames(s);
    for (const [local, space] of declared) {
      note(local, space);
      if (isExported) exported.set(isDefault ? 'default' : local, local);
    }
    if (isDefault && declared.length === 0) note('default', 'value');
    if (ts.isExportAssignment(s) && !s.isExportEquals) {
      if (ts.isIdentifier(s.expression)) exported.set('default', s.expression.text);
      else note('default', 'value');
    }
    if (ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) exported.set(e.name.text, (e.propertyName ?? e.name).text);
    }
  }
  if (name === 'default' && locals.has('default') && !exported.has('default')) return locals.get('default');
  const local = exported.get(name);
  return local === undefined ? undefined : locals.get(local);
}

function declaredNames(s: ts.Statement): [string, DeclarationSpace][] {
  if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) return [[s.name.text, 'type']];
  if ((ts.isClassDeclaration(s) || ts.isFunctionDeclaration(s)) && s.name) return [[s.name.text, 'value']];
  if (ts.isEnumDeclaration(s)) return [[s.name.text, 'value']];
  if (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name)) return [[s.name.text, 'value']]; // conservatively: telling a types-only namespace apart needs the binder
  if (ts.isVariableStatement(s)) {
    return s.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [[d.name.text, 'value'] as [string, DeclarationSpace]] : []));
  }
  return [];
}
