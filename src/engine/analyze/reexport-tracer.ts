import type { FileIndex } from './file-index';

/** A file that really declares a name, and the re-export steps that lead there. */
export interface Origin {
  file: string;
  /** Files whose re-exports were followed, in order, each with the line of the re-export. */
  via: { file: string; line: number }[];
}

/** Names a file may export, through any chain of `export *`; `undefined` when that cannot be told. */
type ExportableNames = ReadonlySet<string> | undefined;

/**
 * Re-export steps followed from one import before giving up (the import then counts as from the
 * barrel, as for a file that cannot be traced): deeper chains only come from generated or hostile
 * code, and would otherwise exhaust the stack and, with the path kept per step, memory.
 */
export const MAX_REEXPORT_DEPTH = 500;

/**
 * Follows `export { x } from`, `import { x } …; export { x }` and `export * from` chains to the
 * file that declares a name, so an import through a barrel is attributed to the module that
 * really owns the symbol.
 */
export class ReExportTracer {
  /** file -> name -> origins; nested maps, because building a key string per lookup dominated. */
  private readonly memo = new Map<string, Map<string, Origin[]>>();
  private readonly visiting = new Map<string, Set<string>>();
  private readonly exportable = new Map<string, ExportableNames | null>();
  private cut = false;
  private depth = 0;
  /** How often `forget` was called: a cache keyed by this tracer that missed a call must start over. */
  forgets = 0;

  constructor(private readonly index: FileIndex) {}

  /**
   * Whether a re-export cycle was cut short while tracing. Answers found then depend on the order
   * of the questions, so they must not outlive one analysis.
   */
  get orderSensitive(): boolean {
    return this.cut;
  }

  /**
   * Drops the answers for these files, after their export surfaces (or those of files they lead to)
   * changed. The caller passes every file that can reach a changed one, so no answer kept depends
   * on a forgotten one.
   */
  forget(files: Iterable<string>): void {
    this.forgets++;
    for (const file of files) {
      this.memo.delete(file);
      this.exportable.delete(file);
    }
  }

  /** Where `name`, imported from `file`, is declared; the file itself when that cannot be told. */
  origins(file: string, name: string): Origin[] {
    const found = this.trace(file, name);
    return found.length > 0 ? found : [{ file, via: [] }];
  }

  private trace(file: string, name: string): Origin[] {
    let byName = this.memo.get(file);
    const memo = byName?.get(name);
    if (memo) return memo;
    let visiting = this.visiting.get(file);
    if (visiting?.has(name)) {
      this.cut = true;
      return [];
    }
    if (this.depth >= MAX_REEXPORT_DEPTH) {
      // Like a cycle: the answer depends on where the question started, so it is not kept.
      this.cut = true;
      return [];
    }
    if (!visiting) this.visiting.set(file, (visiting = new Set()));
    visiting.add(name);
    this.depth++;
    let result: Origin[];
    try {
      result = this.compute(file, name);
    } finally {
      this.depth--;
      visiting.delete(name);
    }
    if (!byName) this.memo.set(file, (byName = new Map()));
    byName.set(name, result);
    return result;
  }

  private compute(file: string, name: string): Origin[] {
    const entry = this.index.get(file);
    if (!entry) return [];
    if (name === '*') return [{ file, via: [] }];
    const { facts, resolutions } = entry;
    if (facts.localExports.includes(name)) return [{ file, via: [] }];
    // A named re-export says where the name comes from even when that file cannot be traced
    // further; an `export *` only might, so there a miss means "keep looking".
    const step = (importIndex: number, imported: string, named: boolean): Origin[] => {
      const target = resolutions[importIndex];
      if (target?.kind !== 'file') return [];
      const line = facts.imports[importIndex].range.start.line;
      const found = this.trace(target.file, imported);
      const origins = found.length > 0 || !named ? found : [{ file: target.file, via: [] }];
      return origins.map((o) => ({ file: o.file, via: [{ file, line }, ...o.via] }));
    };
    const named = facts.reExports.filter((r) => r.exported === name);
    // One origin per declaring file: two re-exports of one name per barrel would otherwise double
    // the answers at every level of a chain.
    if (named.length > 0) return onePerFile(named.flatMap((r) => step(r.importIndex, r.imported, true)));
    if (name === 'default') return [{ file, via: [] }];
    for (const importIndex of facts.starExports) {
      // Barrels often hold dozens of `export *`; most cannot have the name, and asking each of
      // them would cost a trace per star per name.
      const target = resolutions[importIndex];
      if (target?.kind === 'file' && !this.mayExport(target.file, name)) continue;
      const found = step(importIndex, name, false);
      if (found.length > 0) return found;
    }
    return [];
  }

  /**
   * False only when tracing `name` from `file` is certain to find nothing: the name is neither
   * declared nor re-exported there nor anywhere its `export *` chains lead.
   */
  private mayExport(file: string, name: string): boolean {
    const entry = this.index.get(file);
    if (!entry) return false;
    const { facts } = entry;
    // Most files re-export nothing wholesale: answer from their own facts, without building a set.
    if (facts.starExports.length === 0) {
      return name === '*' || name === 'default' || facts.localExports.includes(name) || facts.reExports.some((r) => r.exported === name);
    }
    const names = this.exportableNames(file);
    return names === undefined || names.has(name);
  }

  private exportableNames(file: string, depth = 0): ExportableNames {
    const known = this.exportable.get(file);
    if (known === null) return undefined; // being computed: a star cycle, so no shortcut
    if (known !== undefined || this.exportable.has(file)) return known;
    // Unknown (no shortcut, not remembered): the trace itself stops at the same depth.
    if (depth >= MAX_REEXPORT_DEPTH) return undefined;
    this.exportable.set(file, null);
    const entry = this.index.get(file);
    let names: Set<string> | undefined = new Set();
    if (entry) {
      const { facts, resolutions } = entry;
      names.add('*').add('default');
      for (const n of facts.localExports) names.add(n);
      for (const r of facts.reExports) names.add(r.exported);
      for (const importIndex of facts.starExports) {
        const target = resolutions[importIndex];
        if (target?.kind !== 'file') continue;
        const inner = this.exportableNames(target.file, depth + 1);
        if (inner === undefined) {
          names = undefined;
          break;
        }
        for (const n of inner) names.add(n);
      }
    }
    this.exportable.set(file, names);
    return names;
  }
}

function onePerFile(origins: Origin[]): Origin[] {
  if (origins.length < 2) return origins;
  const seen = new Set<string>();
  return origins.filter((o) => !seen.has(o.file) && !!seen.add(o.file));
}
