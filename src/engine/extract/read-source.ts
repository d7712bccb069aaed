import * as fs from 'node:fs';

export type SourceRead =
  | {
    ok: true;
    text: string;
    notUtf8: boolean;
    /** Set when a byte-order mark said UTF-16, as TypeScript reads such files. */
    utf16?: true;
    /** Larger than MAX_SOURCE_BYTES: only its imports are read (see FileIndexer). */
    large?: true;
    size: number;
    mtimeMs: number;
  }
  | { ok: false; reason: 'binary' | 'missing' | 'unreadable' | 'too-large'; message: string };

/** Files beyond this are generated or minified bundles: only their imports are read. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;
/** Beyond this a file is not read at all; the skip is reported. */
const MAX_READ_BYTES = 64 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a source file as text; binary content and vanished files are reported, not thrown. */
export function readSource(absFile: string): SourceRead {
  let bytes: Buffer;
  let stat: fs.Stats;
  let fd: number | undefined;
  try {
    // One open for stat and read (a stat by path, then a read by path, resolves the path twice);
    // non-blocking, so a file swapped for a named pipe after discovery cannot hang the scan.
    fd = fs.openSync(absFile, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'unreadable', message: 'skipped: not a regular file' };
    if (stat.size > MAX_READ_BYTES) {
      return { ok: false, reason: 'too-large', message: `skipped: ${(stat.size / 1048576).toFixed(1)} MiB is larger than the ${MAX_READ_BYTES / 1048576} MiB limit for source files, so its imports are not checked` };
    }
    bytes = fs.readFileSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', message: 'skipped: the file was deleted during the scan' };
    return { ok: false, reason: 'unreadable', message: `skipped: cannot read the file (${code ?? (err as Error).message})` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const large = stat.size > MAX_SOURCE_BYTES ? { large: true as const } : {};
  const read = { size: stat.size, mtimeMs: stat.mtimeMs, ...large };
  // Byte-order marks first: TypeScript decodes UTF-16 files that carry one.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), notUtf8: false, utf16: true, ...read };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), notUtf8: false, utf16: true, ...read };
  try {
    // Valid UTF-8 is source even with a NUL byte in it (TypeScript compiles such a file).
    return { ok: true, text: utf8.decode(bytes), notUtf8: false, ...read };
  } catch {
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary', message: 'skipped: binary content in a source file' };
    return { ok: true, text: bytes.toString('latin1'), notUtf8: true, ...read };
  }
}

/** The file's source text, or undefined when `readSource` could not read it as source. */
export function readSourceText(absFile: string): string | undefined {
  const read = readSource(absFile);
  return read.ok ? read.text : undefined;
}
