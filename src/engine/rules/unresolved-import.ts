import type { IndexedFile } from '../analyze/file-index';
import type { Finding, Rule, RuleContext } from './rule';

/**
 * Each file's findings, kept while its entry and the module map are the same objects: an edit
 * replaces the entry, and whatever changes what counts as local (tsconfigs, the file set) builds a
 * new map. Every analysis would otherwise walk every import of the workspace.
 */
const findingsOf = new WeakMap<IndexedFile, { map: RuleContext['map']; findings: Finding[] }>();

export const unresolvedImport: Rule = {
  id: 'unresolved-import',
  check({ index, map, isLocalSpecifier }) {
    const all: Finding[] = [];
    for (const entry of index.values()) {
      let known = findingsOf.get(entry);
      if (known?.map !== map) findingsOf.set(entry, (known = { map, findings: fileFindings(entry, map, isLocalSpecifier) }));
      for (const f of known.findings) all.push(f);
    }
    return all;
  },
};

function fileFindings({ file, facts, resolutions }: IndexedFile, map: RuleContext['map'], isLocalSpecifier: RuleContext['isLocalSpecifier']): Finding[] {
  const findings: Finding[] = [];
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
  return findings;
}
