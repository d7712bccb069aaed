import type { ModuleMap } from '../map';
import type { FileIndex, IndexedFile } from './file-index';
import { fileCrossings, type ModuleCrossing } from './module-crossings';
import { unlessOrderSensitive } from './order-sensitive';
import { ReExportTracer } from './reexport-tracer';

/** What the last analysis computed, reusable while nothing it read has changed. */
interface Known {
  map: ModuleMap;
  tracer: ReExportTracer;
  files: string[];
  byFile: Map<string, { entry: IndexedFile; surface: string; crossings: ModuleCrossing[] }>;
}

export interface TracedCrossings {
  crossings: ModuleCrossing[];
  /**
   * The tracer behind them, kept across analyses while the module map and the file set stay the
   * same; a new object means that any of its answers may have changed.
   */
  tracer: ReExportTracer;
  /**
   * Files whose tracer answers were forgotten since the last analysis because an export surface
   * changed: every file that can reach a changed one through re-exports. Only imports of these
   * files can trace differently now (with the same tracer).
   */
  retraced: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** The crossings part of the session's AnalysisState (check/analysis-state.ts). */
export interface CrossingsMemo {
  known?: Known;
}

/**
 * `findModuleCrossings`, remembering the answer in `memo` between analyses: while the module map
 * and the file set stay the same, only the files whose entries were replaced are looked at again,
 * plus, when a file's export surface (what re-export tracing reads) changed, the files importing
 * anything whose tracing can lead there. An editor re-analyses on every keystroke, and most
 * keystrokes change one file's body or imports, not what it exports.
 */
export function incrementalCrossings(index: FileIndex, map: ModuleMap, memo: CrossingsMemo): TracedCrossings {
  const known = memo.known;
  const retraced = known ? reusable(known, index, map) : undefined;
  return unlessOrderSensitive(
    known && retraced ? known.tracer : undefined,
    (tracer) => ({ crossings: collect(known!, index, map, retraced!), tracer, retraced: retraced! }),
    () => {
      const fresh: Known = { map, tracer: new ReExportTracer(index), files: [...index.keys()].sort(), byFile: new Map() };
      const crossings = collect(fresh, index, map, NONE);
      memo.known = fresh.tracer.orderSensitive ? undefined : fresh;
      return { crossings, tracer: fresh.tracer, retraced: NONE };
    },
  );
}

function collect(known: Known, index: FileIndex, map: ModuleMap, retraced: ReadonlySet<string>): ModuleCrossing[] {
  const crossings: ModuleCrossing[] = [];
  for (const file of known.files) {
    const entry = index.get(file)!;
    let cached = known.byFile.get(file);
    if (cached?.entry !== entry || (retraced.size > 0 && importsAny(entry, retraced))) {
      // Surfaces of replaced entries were brought up to date by `reusable`.
      cached = { entry, surface: cached?.surface ?? exportSurface(entry), crossings: fileCrossings(entry, map, known.tracer) };
      known.byFile.set(file, cached);
    }
    for (const c of cached.crossings) crossings.push(c);
  }
  return crossings;
}

/** Whether one of the file's imports resolves to one of `files`. */
export function importsAny({ resolutions }: IndexedFile, files: ReadonlySet<string>): boolean {
  for (const r of resolutions) if (r.kind === 'file' && files.has(r.file)) return true;
  return false;
}

/**
 * Undefined when everything must be computed again (another map or file set); else the files whose
 * tracer answers were forgotten because an export surface they can lead to changed.
 */
function reusable(known: Known, index: FileIndex, map: ModuleMap): ReadonlySet<string> | undefined {
  if (known.map !== map || known.files.length !== index.size) return undefined;
  const changed: string[] = [];
  for (const file of known.files) {
    const entry = index.get(file);
    const cached = known.byFile.get(file);
    if (!entry || !cached) return undefined;
    if (cached.entry === entry) continue;
    const surface = exportSurface(entry);
    if (surface !== cached.surface) {
      changed.push(file);
      cached.surface = surface;
    }
  }
  if (changed.length === 0) return NONE;
  const retraced = reExportersOf(index, changed);
  known.tracer.forget(retraced);
  return retraced;
}

/**
 * The files plus every file that re-exports (named or `*`) from one of them, transitively: the
 * files whose tracing can reach them. Paths into a file do not use its own re-exports, so the
 * current facts answer this for the previous surfaces as well.
 */
export function reExportersOf(index: FileIndex, files: readonly string[]): Set<string> {
  const reExporters = new Map<string, string[]>();
  for (const entry of index.values()) {
    for (const t of reExportTargets(entry)) {
      const list = reExporters.get(t);
      if (list) list.push(entry.file);
      else reExporters.set(t, [entry.file]);
    }
  }
  return reachedBack(files, (f) => reExporters.get(f) ?? []);
}

/** The files plus every file `back` leads to from them, transitively. */
export function reachedBack(files: Iterable<string>, back: (file: string) => Iterable<string>): Set<string> {
  const found = new Set(files);
  const queue = [...found];
  for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
    for (const r of back(f)) if (!found.has(r)) queue.push(r), found.add(r);
  }
  return found;
}

/** The files a file re-exports from (named or `*`). */
export function reExportTargets({ facts, resolutions }: IndexedFile): Set<string> {
  const targets = new Set<string>();
  for (const r of facts.reExports) targets.add(resolved(resolutions, r.importIndex));
  for (const i of facts.starExports) targets.add(resolved(resolutions, i));
  targets.delete('');
  return targets;
}

function resolved(resolutions: IndexedFile['resolutions'], i: number): string {
  const r = resolutions[i];
  return r?.kind === 'file' ? r.file : '';
}

/**
 * Everything re-export tracing reads from a file: its own exports, and for each re-export the
 * file it leads to and its line (quoted in messages; left out with `lines: false`). Import
 * positions are left out, so adding or removing an ordinary import does not count as a change.
 */
export function exportSurface({ facts, resolutions }: IndexedFile, { lines = true } = {}): string {
  const target = (i: number): string => {
    const r = resolutions[i];
    return `${r?.kind === 'file' ? r.file : '-'}${lines ? `:${facts.imports[i]?.range.start.line}` : ''}`;
  };
  return JSON.stringify([
    facts.localExports,
    facts.reExports.map((r) => [r.exported, r.imported, target(r.importIndex)]),
    facts.starExports.map(target),
  ]);
}
