import type { AcceptedCycle, DependencyConstraint } from '../config';
import type { ModuleInfo } from './module-map';
import { selects } from './selectors';

export interface PolicyVerdict {
  allowed: boolean;
  /** Why, in words a user can act on. */
  reason: string;
}

/** Decides whether module `from` may depend on module `to` (docs/config.md). */
export class DependencyPolicy {
  private readonly cache = new Map<string, Map<string, PolicyVerdict>>();

  constructor(
    private readonly constraints: readonly (DependencyConstraint & { index: number })[],
    private readonly acceptedCycles: readonly (AcceptedCycle & { index: number })[] = [],
  ) {}

  /** The `acceptedCycles` entry whose selectors cover every one of `modules`, if any. */
  acceptedCycle(modules: readonly ModuleInfo[]): (AcceptedCycle & { index: number }) | undefined {
    return this.acceptedCycles.find((entry) => modules.every((m) => entry.modules.some((sel) => selects(sel, m))));
  }

  verdict(from: ModuleInfo, to: ModuleInfo): PolicyVerdict {
    if (from === to) return { allowed: true, reason: 'same module' };
    // Asked once per crossing on every analysis; nested maps avoid building a key per question.
    let byTarget = this.cache.get(from.name);
    if (!byTarget) this.cache.set(from.name, (byTarget = new Map()));
    let v = byTarget.get(to.name);
    if (!v) {
      v = this.decide(from, to);
      byTarget.set(to.name, v);
    }
    return v;
  }

  private decide(from: ModuleInfo, to: ModuleInfo): PolicyVerdict {
    const applicable = this.constraints.filter((c) => selects(c.from, from));
    for (const c of applicable) {
      if (c.allow && !c.allow.some((sel) => selects(sel, to))) {
        return { allowed: false, reason: `constraints[${c.index}] (from "${c.from}") allows only ${c.allow.map(quote).join(', ')}` };
      }
      const denied = c.deny?.find((sel) => selects(sel, to));
      if (denied) return { allowed: false, reason: `constraints[${c.index}] (from "${c.from}") denies ${quote(denied)}` };
    }
    if (from.dependsOn) {
      const entry = from.dependsOn.find((sel) => selects(sel, to));
      return entry
        ? { allowed: true, reason: `"${from.name}" lists ${quote(entry)} in dependsOn` }
        : { allowed: false, reason: `"${to.name}" is not in the dependsOn of "${from.name}"` };
    }
    return applicable.length > 0
      ? { allowed: true, reason: `allowed by constraints ${applicable.map((c) => `[${c.index}]`).join(', ')}` }
      : { allowed: false, reason: `"${from.name}" declares no dependsOn, so it may not depend on other modules` };
  }
}

function quote(s: string): string {
  return `"${s}"`;
}
