import type { ImportFact } from '../extract';
import type { Rule } from './rule';

export const unresolvedImport: Rule = {
  id: 'unresolved-import',
  // Per file: every analysis would otherwise walk every import of the workspace.
  fileFindings({ file, facts, resolutions }, { map, isLocalSpecifier }) {
    return facts.imports.flatMap((fact, i) => {
      // A reference path is relative to the file even when written without `./`.
      if (resolutions[i]?.kind !== 'unresolved' || (fact.kind !== 'reference-path' && !isLocalSpecifier(fact.specifier, file))) return [];
      return [{
        rule: 'unresolved-import' as const,
        file,
        range: fact.range,
        sourceModule: map.moduleOf(file)?.name,
        specifier: fact.specifier,
        message: unresolvedMessage(fact),
      }];
    });
  },
};

function unresolvedMessage(fact: ImportFact): string {
  if (fact.kind === 'reference-path') return `Cannot find "${fact.specifier}": this /// <reference path> names no file TypeScript would read, so its dependency cannot be checked.`;
  if (fact.kind === 'reference-types') return `Cannot resolve the type reference "${fact.specifier}": TypeScript finds no type package for it, so its dependency cannot be checked.`;
  return `Cannot resolve "${fact.specifier}": TypeScript's module resolution finds no file for it, so its dependency cannot be checked.`;
}
