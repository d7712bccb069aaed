import { ts } from 'ts-morph';
import type { ImportedName } from './file-facts';

/** The names an import clause takes: `default`, `*` for a namespace, or each named element. */
export function importClauseNames(clause: ts.ImportClause | undefined): ImportedName[] {
  const names: ImportedName[] = [];
  if (clause?.name) names.push({ imported: 'default', local: clause.name.text });
  const bindings = clause?.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push({ imported: '*', local: bindings.name.text });
  if (bindings && ts.isNamedImports(bindings)) {
    for (const el of bindings.elements) names.push({ imported: (el.propertyName ?? el.name).text, local: el.name.text });
  }
  return names;
}
