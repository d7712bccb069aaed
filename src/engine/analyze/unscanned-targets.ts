import type { ModuleInfo } from '../map';
import type { ModuleCrossing } from './module-crossings';

/** Whether a crossing reaches a public file of its target module that the scan did not read. */
export type ReachesUnscanned = (c: ModuleCrossing) => boolean;

/**
 * Per module, the public files outside the scan that crossings reach, and how many reach each: a
 * module without a scanned public file (one outside the root, `"path": "../../libs/ui"`) is known
 * only by these, and `internal-import` points to the shortest. Built from every crossing of a full
 * analysis on first use; an editor's patch derives the next one from the crossings it re-analysed.
 */
export class UnscannedTargets {
  private counts?: Map<ModuleInfo, ReadonlyMap<string, number>>;
  private best?: Map<ModuleInfo, string>;

  private constructor(
    private readonly reaches: ReachesUnscanned,
    private readonly source: readonly ModuleCrossing[] | Map<ModuleInfo, ReadonlyMap<string, number>>,
  ) {
    if (source instanceof Map) this.counts = source;
  }

  static of(crossings: readonly ModuleCrossing[], reaches: ReachesUnscanned): UnscannedTargets {
    return new UnscannedTargets(reaches, crossings);
  }

  /** Each module's shortest unscanned public file (the first in code-point order among the shortest). */
  entries(): ReadonlyMap<ModuleInfo, string> {
    if (!this.best) {
      this.best = new Map();
      for (const [module, files] of this.byModule()) {
        let best: string | undefined;
        for (const file of files.keys()) if (best === undefined || file.length < best.length || (file.length === best.length && file < best)) best = file;
        if (best !== undefined) this.best.set(module, best);
      }
    }
    return this.best;
  }

  /** These targets after some crossings were replaced (`was` by `now`); the same object when none of them reaches an unscanned file. */
  replaced(changes: Iterable<{ was: readonly ModuleCrossing[]; now: readonly ModuleCrossing[] }>): UnscannedTargets {
    const was: ModuleCrossing[] = [];
    const now: ModuleCrossing[] = [];
    for (const change of changes) {
      was.push(...change.was.filter(this.reaches));
      now.push(...change.now.filter(this.reaches));
    }
    if (was.length === 0 && now.length === 0) return this;
    const counts = new Map(this.byModule());
    const add = (c: ModuleCrossing, by: number): void => {
      const files = new Map(counts.get(c.to) ?? []);
      const count = (files.get(c.targetFile) ?? 0) + by;
      if (count > 0) files.set(c.targetFile, count);
      else files.delete(c.targetFile);
      if (files.size > 0) counts.set(c.to, files);
      else counts.delete(c.to);
    };
    for (const c of was) add(c, -1);
    for (const c of now) add(c, 1);
    return new UnscannedTargets(this.reaches, counts);
  }

  private byModule(): Map<ModuleInfo, ReadonlyMap<string, number>> {
    if (!this.counts) {
      const counts = new Map<ModuleInfo, Map<string, number>>();
      for (const c of this.source as readonly ModuleCrossing[]) {
        if (!this.reaches(c)) continue;
        const files = counts.get(c.to) ?? new Map<string, number>();
        files.set(c.targetFile, (files.get(c.targetFile) ?? 0) + 1);
        counts.set(c.to, files);
      }
      this.counts = counts;
    }
    return this.counts;
  }
}
