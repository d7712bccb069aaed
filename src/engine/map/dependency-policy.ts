import type { AcceptedCycle, DependencyConstraint } from '../config';
import type { ModuleInfo } from './module-map';
import type { Minimatch } from 'minimatch';
import { compileGlob } from '../glob';
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

  private readonly packageCache = new Map<string, Map<string, PolicyVerdict>>();

  /**
   * Whether module `from` may import the package `names` name (its package name, and for a Node
   * built-in both `fs` and `node:fs`): every constraint selecting `from` with `allowPackages` must
   * list one of them, and none with `denyPackages` may.
   */
  packageVerdict(from: ModuleInfo, names: readonly string[]): PolicyVerdict {
    let byName = this.packageCache.get(from.name);
    if (!byName) this.packageCache.set(from.name, (byName = new Map()));
    const key = names.join('\0');
    let v = byName.get(key);
    if (!v) {
      v = this.decidePackage(from, names);
      byName.set(key, v);
    }
    return v;
  }

  /** Whether any constraint says anything about packages (else the package rule has nothing to do). */
  get restrictsPackages(): boolean {
    return this.constraints.some((c) => c.allowPackages || c.denyPackages);
  }

  private readonly packageGlobs = new Map<string, Minimatch>();

  /** Compiled once per policy; `*` stays within a scope (`@prisma/*`). */
  private packageGlob(glob: string): Minimatch {
    let compiled = this.packageGlobs.get(glob);
    if (!compiled) this.packageGlobs.set(glob, (compiled = compileGlob(glob)));
    return compiled;
  }

  private decidePackage(from: ModuleInfo, names: readonly string[]): PolicyVerdict {
    const matches = (glob: string): boolean => names.some((n) => this.packageGlob(glob).match(n));
    for (const c of this.constraints) {
      if ((!c.allowPackages && !c.denyPackages) || !selects(c.from, from)) continue;
      if (c.allowPackages && !c.allowPackages.some(matches)) {
        return { allowed: false, reason: `constraints[${c.index}] (from "${c.from}") allows only the packages ${c.allowPackages.map(quote).join(', ')}` };
      }
      const denied = c.denyPackages?.find(matches);
      if (denied) return { allowed: false, reason: `constraints[${c.index}] (from "${c.from}") denies the packages ${quote(denied)}` };
    }
    return { allowed: true, reason: 'no constraint restricts it' };
  }

  private decide(from: ModuleInfo, to: ModuleInfo): PolicyVerdict {
    // A constraint that only restricts packages says nothing about module dependencies.
    const applicable = this.constraints.filter((c) => (c.allow || c.deny || (!c.allowPackages && !c.denyPackages)) && selects(c.from, from));
    for (const c of applicable) {
      if (c.allow && !c.allow.some((sel) => selects(sel, to))) {
        return { allowed: false, reason: `constraints[${c.index}] (from "${c.from}") ${c.allow.length === 0 ? 'allows no module' : `allows only ${c.allow.map(quote).join(', ')}`}` };
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
