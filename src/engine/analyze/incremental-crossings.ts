import type { ModuleMap } from '../map/module-map';
import type { FileIndex, IndexedFile } from './file-index';
import { fileCrossings, type ModuleCrossing } from './module-crossings';
import { ReExportTracer } from './reexport-tracer';

/** What the last analysis of one index computed, reusable while nothing it read has changed. */
interface Known {
  map: ModuleMap;
  tracer: ReExportTracer;
  files: string[];
  byFile: Map<string, { entry: IndexedFile; surface: string; crossings: ModuleCrossing[] }>;
}

export interface TracedCrossings {
  crossings: ModuleCrossing[];
  /**
   * The tracer behind them. It is the same object across analyses exactly while no file's export
   * surface and not the module map changed, so other rules may key their own caches by it.
   */
  tracer: ReExportTracer;
}

/** Keyed by the session's index object, which lives as long as the session. */
const knownByIndex = new WeakMap<FileIndex, Known>();

/**
 * `findModuleCrossings`, remembering the answer between analyses of the same index: while the
 * module map and every file's export surface (what re-export tracing reads) stay the same, only
 * the files whose entries were replaced are looked at again. An editor re-analyses on every
 * keystroke, and most keystrokes change one file's body or imports, not what it exports.
 */
export function incrementalCrossings(index: FileIndex, map: ModuleMap): TracedCrossings {
  const known = knownByIndex.get(index);
  if (known && stillValid(known, index, map)) {
    const crossings = collect(known, index, map);
    // Answers found by cutting a re-export cycle depend on the order of the questions, so such an
    // analysis is redone from scratch, exactly as a first analysis would ask them.
    if (!known.tracer.orderSensitive) return { crossings, tracer: known.tracer };
  }
  const fresh: Known = { map, tracer: new ReExportTracer(index), files: [...index.keys()].sort(), byFile: new Map() };
  const crossings = collect(fresh, index, map);
  if (fresh.tracer.orderSensitive) knownByIndex.delete(index);
  else knownByIndex.set(index, fresh);
  return { crossings, tracer: fresh.tracer };
}

function collect(known: Known, index: FileIndex, map: ModuleMap): ModuleCrossing[] {
  const crossings: ModuleCrossing[] = [];
  for (const file of known.files) {
    const entry = index.get(file)!;
    let cached = known.byFile.get(file);
    if (cached?.entry !== entry) {
      // A replaced entry passed `stillValid`, so its surface is the one already recorded.
      cached = { entry, surface: cached?.surface ?? exportSurface(entry), crossings: fileCrossings(entry, map, known.tracer) };
      known.byFile.set(file, cached);
    }
    for (const c of cached.crossings) crossings.push(c);
  }
  return crossings;
}

function stillValid(known: Known, index: FileIndex, map: ModuleMap): boolean {
  if (known.map !== map || known.files.length !== index.size) return false;
  for (const file of known.files) {
    const entry = index.get(file);
    const cached = known.byFile.get(file);
    if (!entry || !cached) return false;
    if (cached.entry === entry) continue;
    const surface = exportSurface(entry);
    if (surface !== cached.surface) return false;
  }
  return true;
}

/**
 * Everything re-export tracing reads from a file: its own exports, and for each re-export the
 * file it leads to and its line (quoted in messages). Import positions are left out, so adding or
 * removing an ordinary import does not count as a change.
 */
function exportSurface({ facts, resolutions }: IndexedFile): string {
  const target = (i: number): string => {
    const r = resolutions[i];
    return `${r?.kind === 'file' ? r.file : '-'}:${facts.imports[i]?.range.start.line}`;
  };
  return JSON.stringify([
    facts.localExports,
    facts.reExports.map((r) => [r.exported, r.imported, target(r.importIndex)]),
    facts.starExports.map(target),
  ]);
}
