import type { ModuleInfo } from '../map/module-map';
import type { Rule, RuleContext } from './rule';

export const internalImport: Rule = {
  id: 'internal-import',
  description: "A module imports a file of another module that is not part of that module's public API.",
  check(context) {
    const entries = publicEntries(context);
    return context.crossings
      .filter((c) => !c.reExport && !context.map.isPublic(c.to, c.targetFile))
      .map((c) => {
        const entry = entries(c.to);
        const advice = entry
          ? `Import from its public API (${entry}) instead`
          : `Module "${c.to.name}" has no public API file yet (none of ${c.to.public.join(', ')}); add one and import that, or declare which of its files other modules may import in bulkhead.json: "public": ["…"] on the module, or "defaults": { "public": ["…"] } for every module`;
        return {
          rule: 'internal-import' as const,
          file: c.file,
          range: c.fact.range,
          sourceModule: c.from.name,
          targetModule: c.to.name,
          specifier: c.fact.specifier,
          message: `"${c.fact.specifier}" reaches into the internals of module "${c.to.name}" (${c.targetFile}). ${advice}.`,
        };
      });
  },
};

/** The answers of `publicEntries`, per index, while the module map and the set of files are the same. */
const entriesCache = new WeakMap<RuleContext['index'], { map: RuleContext['map']; files: Set<string>; byModule: Map<ModuleInfo, string> }>();

/**
 * The most prominent public file of each module (shortest path), found among scanned files. Asked
 * on every analysis (every keystroke in an editor), so the answer is kept until a file is added or
 * removed or the map changes: checking that is one set lookup per file, not a glob match.
 */
function publicEntries({ index, map }: RuleContext): (module: ModuleInfo) => string | undefined {
  let byModule: Map<ModuleInfo, string> | undefined;
  return (module) => {
    if (!byModule) {
      const cached = entriesCache.get(index);
      if (cached && cached.map === map && sameKeys(index, cached.files)) {
        byModule = cached.byModule;
      } else {
        byModule = new Map();
        for (const file of index.keys()) {
          const owner = map.moduleOf(file);
          if (!owner || !map.isPublic(owner, file)) continue;
          const known = byModule.get(owner);
          if (!known || file.length < known.length || (file.length === known.length && file < known)) byModule.set(owner, file);
        }
        entriesCache.set(index, { map, files: new Set(index.keys()), byModule });
      }
    }
    return byModule.get(module);
  };
}

function sameKeys(index: ReadonlyMap<string, unknown>, files: ReadonlySet<string>): boolean {
  if (index.size !== files.size) return false;
  for (const file of index.keys()) if (!files.has(file)) return false;
  return true;
}
