import { ts } from 'ts-morph';
import type { Position } from '../model';

/** One name an import or `export … from` takes: `imported` in the target, `local` where it lands. */
export interface Binding {
  imported: string;
  /** The local name of an import; the exported name of an `export … from`. */
  local: string;
  /** `import { type X }`, or any name of an `import type`. */
  typeOnly: boolean;
}

/** The statement around an import's specifier, as far as rewriting it needs to know. */
export interface ImportStatement {
  kind: 'import' | 'export';
  /** `import type …` / `export type …`. */
  typeOnly: boolean;
  /** `import * as x`, `export *`, `export * as x`: what the file takes cannot be listed. */
  namespace: boolean;
  bindings: Binding[];
  /** The import clause (`X, { a }`) or export clause (`{ a }`) without the `type` keyword; offsets in the text. */
  clause?: { start: number; end: number };
  /** Offsets of the string literal, quotes included. */
  specifier: { start: number; end: number };
}

/**
 * The import or export declaration whose module specifier starts at `specifierStart` (1-based), or
 * undefined when the specifier belongs to something else (`import()`, `require`, `import x =`).
 */
export function importStatementAt(fileName: string, text: string, specifierStart: Position): ImportStatement | undefined {
  const sf = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind(fileName));
  const lines = sf.getLineStarts();
  if (specifierStart.line - 1 >= lines.length) return undefined;
  const offset = sf.getPositionOfLineAndCharacter(specifierStart.line - 1, specifierStart.column - 1);
  for (const statement of sf.statements) {
    const literal = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ? statement.moduleSpecifier : undefined;
    if (!literal || !ts.isStringLiteral(literal) || literal.getStart(sf) !== offset) continue;
    const specifier = { start: literal.getStart(sf), end: literal.getEnd() };
    return ts.isImportDeclaration(statement) ? fromImport(statement, sf, specifier) : fromExport(statement as ts.ExportDeclaration, sf, specifier);
  }
  return undefined;
}

function fromImport(statement: ts.ImportDeclaration, sf: ts.SourceFile, specifier: ImportStatement['specifier']): ImportStatement {
  const clause = statement.importClause;
  const typeOnly = !!clause?.isTypeOnly;
  const bindings: Binding[] = [];
  let namespace = false;
  if (clause?.name) bindings.push({ imported: 'default', local: clause.name.text, typeOnly });
  const named = clause?.namedBindings;
  if (named && ts.isNamespaceImport(named)) namespace = true;
  if (named && ts.isNamedImports(named)) {
    for (const e of named.elements) bindings.push({ imported: (e.propertyName ?? e.name).text, local: e.name.text, typeOnly: typeOnly || e.isTypeOnly });
  }
  const start = clause && (clause.name ?? clause.namedBindings);
  return {
    kind: 'import', typeOnly, namespace, bindings, specifier,
    clause: clause && start ? { start: start.getStart(sf), end: clause.getEnd() } : undefined,
  };
}

function fromExport(statement: ts.ExportDeclaration, sf: ts.SourceFile, specifier: ImportStatement['specifier']): ImportStatement {
  const clause = statement.exportClause;
  const typeOnly = statement.isTypeOnly;
  if (!clause || !ts.isNamedExports(clause)) return { kind: 'export', typeOnly, namespace: true, bindings: [], specifier };
  const bindings = clause.elements.map((e) => ({ imported: (e.propertyName ?? e.name).text, local: e.name.text, typeOnly: typeOnly || e.isTypeOnly }));
  return { kind: 'export', typeOnly, namespace: false, bindings, specifier, clause: { start: clause.getStart(sf), end: clause.getEnd() } };
}

export function scriptKind(fileName: string): ts.ScriptKind {
  if (/\.[cm]?tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.[cm]?jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
