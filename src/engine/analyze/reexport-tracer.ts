import type { FileIndex } from './file-index';

/** A file that really declares a name, and the re-export steps that lead there. */
export interface Origin {
  file: string;
  /** Files whose re-exports were followed, in order, each with the line of the re-export. */
  via: { file: string; line: number }[];
}

/**
 * Follows `export { x } from`, `import { x } …; export { x }` and `export * from` chains to the
 * file that declares a name, so an import through a barrel is attributed to the module that
 * really owns the symbol.
 */
export class ReExportTracer {
  private readonly memo = new Map<string, Origin[]>();

  constructor(private readonly index: FileIndex) {}

  /** Where `name`, imported from `file`, is declared; the file itself when that cannot be told. */
  origins(file: string, name: string): Origin[] {
    const found = this.trace(file, name, new Set());
    return found.length > 0 ? found : [{ file, via: [] }];
  }

  private trace(file: string, name: string, visiting: Set<string>): Origin[] {
    const key = `${file}\0${name}`;
    const memo = this.memo.get(key);
    if (memo) return memo;
    if (visiting.has(key)) return [];
    visiting.add(key);
    const result = this.compute(file, name, visiting);
    visiting.delete(key);
    this.memo.set(key, result);
    return result;
  }

  private compute(file: string, name: string, visiting: Set<string>): Origin[] {
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
      const found = this.trace(target.file, imported, visiting);
      const origins = found.length > 0 || !named ? found : [{ file: target.file, via: [] }];
      return origins.map((o) => ({ file: o.file, via: [{ file, line }, ...o.via] }));
    };
    const named = facts.reExports.filter((r) => r.exported === name);
    if (named.length > 0) return named.flatMap((r) => step(r.importIndex, r.imported, true));
    if (name === 'default') return [{ file, via: [] }];
    for (const importIndex of facts.starExports) {
      const found = step(importIndex, name, false);
      if (found.length > 0) return found;
    }
    return [];
  }
}
