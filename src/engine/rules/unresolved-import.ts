import type { Rule } from './rule';

export const unresolvedImport: Rule = {
  id: 'unresolved-import',
  description: 'A relative or path-alias import that TypeScript cannot resolve.',
  check({ index, map, isLocalSpecifier }) {
    const findings = [];
    for (const { file, facts, resolutions } of index.values()) {
      for (let i = 0; i < facts.imports.length; i++) {
        const fact = facts.imports[i];
        if (resolutions[i]?.kind !== 'unresolved' || !isLocalSpecifier(fact.specifier, file)) continue;
        findings.push({
          rule: 'unresolved-import' as const,
          file,
          range: fact.range,
          sourceModule: map.moduleOf(file)?.name,
          specifier: fact.specifier,
          message: `Cannot resolve "${fact.specifier}": TypeScript's module resolution finds no file for it, so its dependency cannot be checked.`,
        });
      }
    }
    return findings;
  },
};
