import type { FileIndex, ReExportTracer } from '../analyze';

/** Whether a public file exports a name, and what it leads to. */
export type PublicExport =
  | { kind: 'none' }
  /** An `export *` reaches a package or an unresolved file: any name might come through it. */
  | { kind: 'unknown' }
  | {
    kind: 'exported';
    /** Files that declare what the name stands for. */
    origins: string[];
    /** `export { imported as name } from '<file>'` written in the public file itself. */
    directFrom?: { file: string; imported: string };
  };

/** What `name` is in `file`'s exports (a file not in the index, i.e. one to be created, exports nothing). */
export function publicExport(index: FileIndex, tracer: ReExportTracer, file: string, name: string): PublicExport {
  const entry = index.get(file);
  if (!entry) return { kind: 'none' };
  const { facts, resolutions } = entry;
  const direct = facts.reExports.find((r) => r.exported === name);
  if (direct || facts.localExports.includes(name)) {
    const from = direct && resolutions[direct.importIndex];
    return {
      kind: 'exported',
      origins: tracer.origins(file, name).map((o) => o.file),
      directFrom: direct && from?.kind === 'file' ? { file: from.file, imported: direct.imported } : undefined,
    };
  }
  if (hasOpaqueStar(index, file, new Set())) return { kind: 'unknown' };
  const found = tracer.origins(file, name);
  // `origins` answers the file itself when the name leads nowhere
  const missing = found.length === 1 && found[0].file === file && found[0].via.length === 0;
  return missing ? { kind: 'none' } : { kind: 'exported', origins: found.map((o) => o.file) };
}

function hasOpaqueStar(index: FileIndex, file: string, seen: Set<string>): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const entry = index.get(file);
  if (!entry) return false;
  return entry.facts.starExports.some((i) => {
    const r = entry.resolutions[i];
    return r?.kind !== 'file' || hasOpaqueStar(index, r.file, seen);
  });
}
