import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { INPUT_LIMITS, writeFileAtomic } from '../io';

/**
 * The cache file: a header line (checksums and byte lengths of the two parts), the summary line,
 * the facts line, then amendment lines. A run in which nothing changed reads the header, the
 * summary and the amendments, not the megabytes of facts after them (read when first needed).
 *
 * An amendment records what a run that changed no facts learnt (new stamps, re-listed folders)
 * without rewriting the file: one line appended, `<sha1 of the JSON><JSON>`, whose JSON names the
 * summary it amends (`base`, the summary's checksum). A line that is torn, edited or meant for
 * another summary is skipped, which only means the files it restamped are read again.
 */
interface Header {
  checksum: string;
  factsChecksum: string;
  summaryBytes: number;
  factsBytes: number;
}

/** What `readCacheFile` found: the verified summary and amendments, and the facts on demand. */
export interface OpenedCacheFile {
  /** The summary's checksum: what an amendment of it names as its `base`. */
  checksum: string;
  summary: string;
  /** The amendments' JSON that verified and name this summary, in the order they were written. */
  amendments: unknown[];
  /** How many bytes the amendments take, valid or not (see `shouldRewrite`). */
  amendmentBytes: number;
  /** Whether the file ends in a torn line, which the next amendment must not run on from. */
  torn: boolean;
  /** The facts line, read and verified on first call; a string says why it cannot be used. */
  facts(): { bytes: Buffer; checksum: string } | string;
  /** The file as read, for `appendAmendment` to tell it is still the same file. */
  identity: FileIdentity;
}

interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
}

/** The header's four fields, checked by hand: one line is not worth a schema. */
const isHeader = (h: Partial<Header> | null): h is Header =>
  typeof h === 'object' && h !== null && typeof h.checksum === 'string' && typeof h.factsChecksum === 'string'
  && Number.isSafeInteger(h.summaryBytes) && h.summaryBytes! >= 0 && Number.isSafeInteger(h.factsBytes) && h.factsBytes! >= 0;

/** What the first read takes: the header and, for a small workspace, all the rest. */
const FIRST_READ = 64 * 1024;
const SHA1_HEX = 40;

/** The cache's checksums, and the text hashes its stamps keep. */
export function hashText(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/**
 * Reads a cache file's header, summary and amendments. Undefined when there is no file to read (or
 * it is not a regular file, or over the size cap); a string when it is there but cannot be used.
 */
export function readCacheFile(file: string): OpenedCacheFile | string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > INPUT_LIMITS.cache) return undefined;
    if (stat.size === 0) return 'empty';
    const first = readAt(fd, 0, Math.min(stat.size, FIRST_READ));
    const headerEnd = first.indexOf(10);
    let header: Partial<Header> | null = null;
    try {
      header = headerEnd < 0 ? null : (JSON.parse(first.toString('utf8', 0, headerEnd)) as Partial<Header>);
    } catch {
      // Not JSON: rejected below with everything else that is not a header.
    }
    if (!isHeader(header)) return 'unreadable (corrupt)';
    const summaryStart = headerEnd + 1;
    const factsStart = summaryStart + header.summaryBytes + 1;
    const amendmentsStart = factsStart + header.factsBytes + 1;
    if (amendmentsStart > stat.size) return 'unreadable (corrupt)';
    const head = factsStart <= first.length ? first : readAt(fd, 0, factsStart, first);
    const summary = head.subarray(summaryStart, factsStart - 1);
    if (head[factsStart - 1] !== 10 || hashText(summary) !== header.checksum) return 'checksum mismatch (corrupt or edited)';
    const tail = amendmentsStart < stat.size ? readAt(fd, amendmentsStart, stat.size - amendmentsStart) : Buffer.alloc(0);
    const identity = { dev: stat.dev, ino: stat.ino, size: stat.size };
    return {
      checksum: header.checksum,
      summary: summary.toString('utf8'),
      amendments: verifiedAmendments(tail, header.checksum),
      amendmentBytes: tail.length,
      torn: tail.length > 0 && tail[tail.length - 1] !== 10,
      identity,
      facts: lazyFacts(file, identity, factsStart, header),
    };
  } catch {
    return 'unreadable (corrupt)';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The facts line, read when first asked from the file read before: a file replaced since (another
 * run wrote the cache) has other facts, which the summary read does not describe.
 */
function lazyFacts(file: string, identity: FileIdentity, start: number, header: Header): OpenedCacheFile['facts'] {
  let read: ReturnType<OpenedCacheFile['facts']> | undefined;
  return () => {
    if (read !== undefined) return read;
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      const stat = fs.fstatSync(fd);
      if (stat.dev !== identity.dev || stat.ino !== identity.ino) return (read = 'replaced since it was read');
      const bytes = readAt(fd, start, header.factsBytes);
      read = bytes.length === header.factsBytes && hashText(bytes) === header.factsChecksum ? { bytes, checksum: header.factsChecksum } : 'checksum mismatch (corrupt or edited)';
    } catch {
      read = 'unreadable (corrupt)';
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
    return read;
  };
}

function verifiedAmendments(tail: Buffer, base: string): unknown[] {
  const found: unknown[] = [];
  for (let start = 0; start < tail.length; ) {
    const newline = tail.indexOf(10, start);
    // A line without its newline was torn by a killed writer: a later append may follow it.
    const end = newline < 0 ? tail.length : newline;
    const line = tail.subarray(start, end);
    start = end + 1;
    if (newline < 0 || line.length <= SHA1_HEX) continue;
    const body = line.subarray(SHA1_HEX);
    if (line.toString('latin1', 0, SHA1_HEX) !== hashText(body)) continue;
    try {
      const amendment = JSON.parse(body.toString('utf8')) as { base?: unknown };
      if (typeof amendment === 'object' && amendment !== null && amendment.base === base) found.push(amendment);
    } catch {
      // A checksum over malformed JSON: written by something else, skipped like a torn line.
    }
  }
  return found;
}

/** `length` bytes from `position`; with `start`, a first part read already (copied, not read again). */
function readAt(fd: number, position: number, length: number, start?: Buffer): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = start ? start.copy(buffer) : 0;
  for (let n; done < length && (n = fs.readSync(fd, buffer, done, length - done, position + done)) > 0; ) done += n;
  return done === length ? buffer : buffer.subarray(0, done);
}

/**
 * Writes the whole file, atomically but without flushing it to the disk (about 12 ms for 9 MB at
 * 5k files, in every run that writes it): its checksums reject what a power cut could leave, and
 * a rejected cache only means the files are read again. `factsChecksum` is the facts' checksum
 * when it is known already (facts kept as read).
 */
export function writeCacheFile(file: string, summary: string, facts: string | Buffer, factsChecksum?: string): void {
  const summaryBytes = Buffer.from(summary);
  const factsBytes = typeof facts === 'string' ? Buffer.from(facts) : facts;
  const header: Header = { checksum: hashText(summaryBytes), factsChecksum: factsChecksum ?? hashText(factsBytes), summaryBytes: summaryBytes.length, factsBytes: factsBytes.length };
  writeFileAtomic(file, [`${JSON.stringify(header)}\n`, summaryBytes, '\n', factsBytes, '\n'], { flush: false });
}

/**
 * Appends an amendment to the file `opened` was read from, if it is still that file as read (a run
 * that wrote it since, or appended to it, makes the caller write the whole file instead).
 */
export function appendAmendment(file: string, opened: OpenedCacheFile, amendment: object): boolean {
  const body = JSON.stringify({ base: opened.checksum, ...amendment });
  let fd: number;
  try {
    // No O_CREAT: a removed cache is not recreated as a lone amendment.
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return false;
  }
  try {
    const stat = fs.fstatSync(fd);
    const { dev, ino, size } = opened.identity;
    if (!stat.isFile() || stat.dev !== dev || stat.ino !== ino || stat.size !== size) return false;
    const line = Buffer.from(`${opened.torn ? '\n' : ''}${hashText(body)}${body}\n`);
    fs.writeFileSync(fd, line);
    opened.torn = false;
    opened.amendmentBytes += line.length;
    opened.identity.size += line.length;
    return true;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether amendments have grown enough that the next one should rewrite the file: reading them is
 * cheap next to the summary until they are a good part of it.
 */
export function shouldRewrite(opened: OpenedCacheFile): boolean {
  return opened.amendmentBytes > Math.max(64 * 1024, opened.summary.length / 8);
}
