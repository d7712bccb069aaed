import { type ReachesUnscanned, UnscannedTargets } from '../analyze';
import { isReference } from '../extract';
import type { ModuleInfo, ModuleMap } from '../map';
import type { Finding, Rule, RuleContext } from './rule';

export const internalImport: Rule = {
  id: 'internal-import',
  workspaceFindings(context) {
    return internalImports(context, () => outsideEntries(context))!;
  },
};

/**
 * The findings of some files' crossings (`context.crossings`), for an analysis that looks at a few
 * files only. One that names a module without a scanned public file advises the public files
 * other crossings reach (every crossing of the workspace): `outside` gives them when the caller
 * keeps them, else the answer is undefined.
 */
export function internalImportsOf(context: RuleContext, outside?: () => ReadonlyMap<ModuleInfo, string> | undefined): Finding[] | undefined {
  return internalImports(context, () => outside?.());
}

function internalImports(context: RuleContext, outsideOf: () => ReadonlyMap<ModuleInfo, string> | undefined): Finding[] | undefined {
  const internal = context.crossings.filter((c) => !c.reExport && !context.map.isPublic(c.to, c.targetFile));
  if (internal.length === 0) return [];
  const entries = publicEntries(context);
  // Only read when a module has no scanned public file: the outside entries read every crossing.
  const outside = internal.some((c) => !entries.has(c.to)) ? outsideOf() : new Map<ModuleInfo, string>();
  if (!outside) return undefined;
  return internal.map((c) => {
    const entry = entries.get(c.to) ?? outside.get(c.to);
    const verb = isReference(c.fact.kind) ? 'Reference' : c.fact.kind === 'module-augmentation' ? 'Augment' : 'Import from';
    const advice = entry ? `${verb} its public API (${entry}) instead` : `Module "${c.to.name}" has no public API file yet (none of ${c.to.public.join(', ')}); add one and import that, or declare which of its files other modules may import in bulkhead.json: "public": ["…"] on the module, or "defaults": { "public": ["…"] } for every module`;
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
}

/**
 * Modules outside the root (`"path": "../../libs/ui"`) have no scanned files: their public files
 * are known only as what other imports reach, so look among the crossings' targets.
 */
function outsideEntries({ crossings, index, map }: RuleContext): ReadonlyMap<ModuleInfo, string> {
  return UnscannedTargets.of(crossings, reachesUnscannedPublic(index, map)).entries();
}

/** Whether a crossing reaches a public file of its target module that the scan did not read (see UnscannedTargets). */
export function reachesUnscannedPublic(index: { has(file: string): boolean }, map: ModuleMap): ReachesUnscanned {
  return (c) => !index.has(c.targetFile) && map.isPublic(c.to, c.targetFile);
}

/**
 * The most prominent public file of each module (shortest path), found among scanned files. Asked
 * on every analysis (every keystroke in an editor), so the answer is kept in the rule state until a
 * file is added or removed: checking that is one set lookup per file, not a glob match.
 */
function publicEntries({ index, map, state }: RuleContext): ReadonlyMap<ModuleInfo, string> {
  const known = state.publicEntries;
  if (known && (!known.files || sameKeys(index, known.files))) return known.byModule;
  const byModule = publicEntriesOf(index.keys(), map);
  state.publicEntries = { files: new Set(index.keys()), byModule };
  return byModule;
}

/** The shortest public file of each module among `files` (the first in code-unit order among the shortest). */
export function publicEntriesOf(files: Iterable<string>, map: ModuleMap): Map<ModuleInfo, string> {
  const byModule = new Map<ModuleInfo, string>();
  for (const file of files) {
    const owner = map.moduleOf(file);
    if (!owner || !map.isPublic(owner, file)) continue;
    const best = byModule.get(owner);
    if (!best || file.length < best.length || (file.length === best.length && file < best)) byModule.set(owner, file);
  }
  return byModule;
}

function sameKeys(index: ReadonlyMap<string, unknown>, files: ReadonlySet<string>): boolean {
  if (index.size !== files.size) return false;
  for (const file of index.keys()) if (!files.has(file)) return false;
  return true;
}
