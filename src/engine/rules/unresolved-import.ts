import type { Rule } from './rule';

export const unresolvedImport: Rule = {
  id: 'unresolved-import',
  // Per file: every analysis would otherwise walk every import of the workspace.
  fileFindings({ file, facts, resolutions }, { map, isLocalSpecifier }) {
    return facts.imports.flatMap((fact, i) => {
      if (resolutions[i]?.kind !== 'unresolved' || !isLocalSpecifier(fact.specifier, file)) return [];
      return [{
        rule: 'unresolved-import' as const,
        file,
        range: fact.range,
        sourceModule: map.moduleOf(file)?.name,
        specifier: fact.specifier,
        message: `Cannot resolve "${fact.specifier}": TypeScript's module resolution finds no file for it, so its dependency cannot be checked.`,
      }];
    });
  },
};
