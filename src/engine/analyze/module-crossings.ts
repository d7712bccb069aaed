import type { ImportFact } from '../extract';
import type { ModuleInfo, ModuleMap } from '../map';
import type { FileIndex, IndexedFile } from './file-index';
import type { Origin, ReExportTracer } from './reexport-tracer';

/** An import whose target file belongs to another module than the importing file. */
export interface ModuleCrossing {
  file: string;
  importIndex: number;
  fact: ImportFact;
  /** Workspace-relative file the specifier resolves to. */
  targetFile: string;
  from: ModuleInfo;
  to: ModuleInfo;
  /**
   * Set when the dependency on `to` exists only because the imported file re-exports a name
   * declared in `to` (re-export laundering); `targetFile` is then the barrel that was imported.
   */
  reExport?: { name: string; origin: Origin };
}

/**
 * A module nested inside another is part of its implementation: the outer module's public API may
 * re-export it without that counting as laundering.
 */
function isNestedIn(inner: ModuleInfo, outer: ModuleInfo): boolean {
  return inner.roots.length > 0 && inner.roots.every((r) => outer.roots.some((o) => r.startsWith(`${o}/`)));
}

/** Every module crossing of the workspace, direct and through re-exports, in file order. */
export function findModuleCrossings(index: FileIndex, map: ModuleMap, tracer: ReExportTracer): ModuleCrossing[] {
  const crossings: ModuleCrossing[] = [];
  for (const file of [...index.keys()].sort()) crossings.push(...fileCrossings(index.get(file)!, map, tracer));
  return crossings;
}

/** The crossings of one file's imports, in import order. */
export function fileCrossings({ file, facts, resolutions }: IndexedFile, map: ModuleMap, tracer: ReExportTracer): ModuleCrossing[] {
  const crossings: ModuleCrossing[] = [];
  const from = map.moduleOf(file);
  if (!from) return crossings;
  facts.imports.forEach((fact, importIndex) => {
    const resolution = resolutions[importIndex];
    if (resolution?.kind !== 'file') return;
    const targetFile = resolution.file;
    const to = map.moduleOf(targetFile);
    if (to === from) return;
    if (to) crossings.push({ file, importIndex, fact, targetFile, from, to });
    const seen = new Set<ModuleInfo>([from]);
    if (to) seen.add(to);
    for (const { imported } of fact.names) {
      if (imported === '*') continue;
      for (const origin of tracer.origins(targetFile, imported)) {
        const owner = map.moduleOf(origin.file);
        if (!owner || seen.has(owner) || origin.via.length === 0 || (to && isNestedIn(owner, to))) continue;
        seen.add(owner);
        crossings.push({ file, importIndex, fact, targetFile, from, to: owner, reExport: { name: imported, origin } });
      }
    }
  });
  return crossings;
}
