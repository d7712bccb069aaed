import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IndexedFile } from '../analyze';
import type { CheckResult, InputDiagnostic } from '../model';
import { RACY_WINDOW_MS } from '../io';
import { appendAmendment, hashText, readCacheFile, shouldRewrite, writeCacheFile, type OpenedCacheFile } from './cache-file';
import { isCachedFileData, isCheckResult, isObject } from './cache-shapes';
import { amend, listingsChange, type Amendment } from './summary-amendments';
import { factsText, StoredFactLines } from './stored-fact-lines';

/** Bump when the file, cached facts or the stored result change shape or meaning (23: digests stored as JSON text; 22: part lengths in the header, amendments; 21: the scanner declines two forms it misread; 20: one facts entry per line; 18: type-argument database calls; 16: per-file digests; 15: .vue/.svelte/.astro scripts). */
const FORMAT = 23;

/**
 * Whether a file's mtime cannot prove it unchanged since a cache written at `writtenAt`: it is
 * within the window around the write, or after it, which includes an mtime in the future (a
 * skewed clock, a restored archive); then its content hash decides.
 */
function racy(mtimeMs: number, writtenAt: number): boolean {
  return mtimeMs > writtenAt - RACY_WINDOW_MS;
}

interface Entry {
  size: number;
  mtimeMs: number;
  hash: string;
  data: Omit<IndexedFile, 'file'>;
  diagnostics: InputDiagnostic[];
  /** Set when the facts were read without database facts (see WorkspaceSetup.databaseFacts). */
  noDatabase?: true;
  /** The table functions the facts were read with (see FileIndexer.extractionKey), when any. */
  functions?: string;
}

export interface CachedFile {
  data: Omit<IndexedFile, 'file'>;
  diagnostics: InputDiagnostic[];
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** `[size, mtimeMs]`, plus the content hash when the mtime alone is not conclusive. */
export type StoredStamp = [number, number] | [number, number, string];

/** The small part of the cache, read on every run: enough to answer an unchanged workspace. */
interface Summary {
  format: number;
  tool: string;
  /** Hash of what module resolution depends on (file list, tsconfigs, package.jsons, config). */
  environment: string;
  writtenAt: number;
  /** Hash of everything besides the files' text that the analysis read (see session/open-workspace.ts). */
  analysisKey?: string;
  /** Every scanned file, including those that could not be read as source. */
  stamps?: Record<string, StoredStamp>;
  /** The result of the run that wrote the cache, for a run in which nothing changed. */
  result?: CheckResult;
  /**
   * Per file, the digest of what the analysis reads of it (see `factsDigest`), as JSON text: only
   * a run with changed files reads them, and a string costs next to nothing to parse (a 6,317-key
   * object took 11 ms of medusa's summary).
   */
  digests?: string;
  /** Whether that run's facts hold database facts (see WorkspaceSetup.databaseFacts). */
  database?: boolean;
  /**
   * What else resolution depended on, by absolute path: the hash of each file it read (a tsconfig
   * `extends` target anywhere, package.json files) and `exists` for resolved files the scan does
   * not cover. `missing` for a file looked for and not found.
   */
  inputs?: Record<string, string>;
  /** Discovery's folder listings (see discover/find-source-files.ts WalkMemo). */
  folders?: unknown;
}

/** A file's analysis input besides its resolutions, which equal facts resolve equally. */
export interface DigestInput {
  data: Pick<IndexedFile, 'facts' | 'ignores'>;
  diagnostics: readonly InputDiagnostic[];
}

/**
 * What the analysis reads of one file: its facts (import ranges included), ignore comments and
 * read notices. With the resolution environment unchanged, two versions of a file with the same
 * digest give the same analysis, whatever else changed in their text.
 */
export function factsDigest({ data, diagnostics }: DigestInput): string {
  return hashText(JSON.stringify([data.facts, data.ignores, diagnostics])).slice(0, 20);
}

/** Changed files re-read to see whether their facts changed; beyond this many, the analysis runs. */
const MAX_REREAD = 32;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Why the stored cache was not used, when it was not. */
  rejected?: string;
  /** Nothing changed since the cache was written: its stored result was the answer. */
  reusedResult?: boolean;
  /** The stored result was brought up to date by analysing this many files (see check/analysis-delta.ts). */
  patched?: number;
  /** Why files changed since the cache was written made the whole workspace be analysed again. */
  reanalysed?: string;
}

/** A changed file read again: its facts, read notices and digest, as `FileIndexer.reread` gives them. */
export interface RereadFile {
  digest: string;
  text: string;
  data: Pick<IndexedFile, 'facts' | 'ignores'>;
  diagnostics: InputDiagnostic[];
}

/** A file whose facts changed since the cache was written, read again. */
export interface ChangedFile {
  rel: string;
  stamp: FileStamp;
  read: RereadFile;
}

/** A changed file's new entry, as a patched run stores it (see `saveUpdated`). */
export interface UpdatedEntry {
  entry: IndexedFile;
  stat: FileStamp;
  text: string;
  diagnostics: InputDiagnostic[];
}

/** What the previous run saw and concluded, for a run that brings its result up to date. */
export interface PreviousRun {
  result: CheckResult;
  /** Whether its facts hold database facts. */
  database: boolean;
  /** The files with an entry (source files). */
  stored: ReadonlySet<string>;
  /** A file's entry and read notices, read when asked; throws StoredFactsError when it is malformed. */
  entry(rel: string): CachedFile | undefined;
  /** Supersets of the files worth reading for a question, found by searching the stored bytes (each when first asked). */
  candidates: {
    importersOf(files: ReadonlySet<string>): Set<string>;
    reExporters(): readonly string[];
    declarers(): readonly string[];
  };
}

/** A stored entry that cannot be used, found while reading entries on demand. */
export class StoredFactsError extends Error {}

/** The stored result, or the files whose facts changed since it was computed (nothing else did). */
export type Reuse = { result: CheckResult } | { changed: ChangedFile[] };

/**
 * Per-file facts (and, while the resolution environment is unchanged, resolutions) persisted
 * between runs, and the last run's result. A file is trusted unchanged when size and mtime match;
 * its content hash is compared when the mtime is too close to the cache write to be conclusive. A
 * cache whose checksum, format or tool version does not match is discarded, never trusted.
 *
 * The file holds a header, the summary (stamps and result), the facts and the amendments of runs
 * that changed no facts (see cache-file.ts). A run in which nothing changed reads only the summary
 * and amendments.
 */
export class FactCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private readonly summary: Summary | undefined;
  /** The file as read; its facts line is read, verified and parsed on first lookup. */
  private opened?: OpenedCacheFile;
  private previousEntries?: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};
  private readonly stamps = new Map<string, FileStamp>();
  private readonly digests: Record<string, string> = {};

  /** What module resolution depends on now (see resolutionEnvironment); set once discovery is done. */
  environment = '';

  constructor(private readonly file: string, private readonly tool: string) {
    this.summary = this.read();
  }

  /** The folder listings the last run's discovery kept (see WalkMemo), as stored. */
  get storedFolders(): unknown {
    return this.summary?.folders;
  }

  /** This run's folder listings, written with whatever this run saves. */
  rememberFolders(listings: unknown): void {
    this.folders = listings;
  }

  private folders?: unknown;

  /**
   * The stored result when the previous run saw exactly these files, unchanged, and the same
   * analysis inputs (`analysisKey`), or with up to 32 changed files, those whose facts changed.
   * Undefined otherwise, and the caller indexes file by file.
   */
  reusableResult(
    files: readonly string[],
    analysisKey: string,
    statOf: (rel: string) => FileStamp | undefined,
    readText: (rel: string) => string | undefined,
    reread: (rel: string, database: boolean) => RereadFile | undefined,
  ): Reuse | undefined {
    const s = this.summary;
    if (!s?.result || !s.stamps || s.environment !== this.environment || s.analysisKey !== analysisKey || this.inputsChanged) return undefined;
    if (!isCheckResult(s.result) || typeof s.stamps !== 'object') return undefined;
    // The file list is part of the environment, so only each file's own state is left to compare.
    const changed: { rel: string; stamp: FileStamp }[] = [];
    for (const rel of files) {
      const stored = s.stamps[rel];
      const now = statOf(rel);
      if (!stored || !now) return undefined;
      let same = stored[0] === now.size && stored[1] === now.mtimeMs;
      if (same && racy(now.mtimeMs, s.writtenAt)) {
        const text = readText(rel);
        same = stored[2] !== undefined && text !== undefined && hashText(text) === stored[2];
      }
      if (!same) {
        changed.push({ rel, stamp: now });
        if (changed.length > MAX_REREAD) return undefined;
      }
    }
    // Files whose text changed but not what the analysis reads of them (a function body, a comment).
    const restamped: Record<string, StoredStamp> = {};
    const factsChanged: ChangedFile[] = [];
    for (const { rel, stamp } of changed) {
      const stored = this.storedDigests()?.[rel];
      const read = stored === undefined ? undefined : reread(rel, s.database ?? true);
      if (!read) return undefined;
      if (read.digest === stored) restamped[rel] = [stamp.size, stamp.mtimeMs, hashText(read.text)];
      else factsChanged.push({ rel, stamp, read });
    }
    if (changed.length > 0) this.restamped = restamped;
    const counts = { hits: files.length - changed.length, misses: changed.length };
    if (factsChanged.length > 0) {
      this.pendingCounts = counts;
      return { changed: factsChanged };
    }
    Object.assign(this.stats, counts, { reusedResult: true });
    return { result: s.result };
  }

  /** The counts of the run that named changed files, until their result is known to be patched. */
  private pendingCounts?: { hits: number; misses: number };

  /** The previous result was brought up to date by analysing `analysed` files. */
  markPatched(analysed: number): void {
    Object.assign(this.stats, this.pendingCounts, { patched: analysed });
  }

  /**
   * The previous run's result, and its files' entries read on demand, for bringing that result up
   * to date after `reusableResult` named changed files; undefined when the facts cannot be read.
   */
  previousRun(functions: string): PreviousRun | undefined {
    const s = this.summary;
    const lines = this.lines();
    if (!s?.result || !lines) return undefined;
    const database = s.database ?? true;
    const read = new Map<string, CachedFile | undefined>();
    const entry = (rel: string): CachedFile | undefined => {
      if (read.has(rel)) return read.get(rel);
      let stored: Entry | undefined;
      try {
        stored = lines.value(rel) as Entry | undefined;
      } catch {
        throw new StoredFactsError(`${rel}: unreadable`);
      }
      const usable = stored ? usableEntry(stored, database, functions) : undefined;
      if (typeof usable === 'string') throw new StoredFactsError(`${rel}: ${usable}`);
      read.set(rel, usable);
      return usable;
    };
    const withFile = (rel: string): string => `"file":${JSON.stringify(rel)}`;
    const notEmpty = (byte: number): boolean => byte !== 0x5d;
    let reExporters: string[] | undefined;
    let declarers: string[] | undefined;
    return {
      result: s.result,
      database,
      stored: new Set(lines.keys()),
      entry,
      candidates: {
        importersOf: (files) => new Set([...files].flatMap((f) => [...lines.containing(withFile(f))])),
        reExporters: () => (reExporters ??= [...lines.containing('"reExports":[', notEmpty), ...lines.containing('"starExports":[', notEmpty)]),
        declarers: () => (declarers ??= [...lines.containing('"declarations":[', notEmpty)]),
      },
    };
  }

  /**
   * After the previous result was brought up to date: the changed files' new entries and stamps,
   * the new result, and the stamps of files whose text changed without their facts.
   */
  saveUpdated(updated: readonly UpdatedEntry[], result: CheckResult, database: boolean, functions = ''): void {
    const s = this.summary;
    const lines = this.factLines;
    if (!s || !lines) return;
    const stamps: Record<string, StoredStamp> = { ...s.stamps, ...this.restamped };
    const digests: Record<string, string> = { ...this.storedDigests() };
    const next = new Map<string, Entry>();
    for (const { entry, stat, text, diagnostics } of updated) {
      const stored = newEntry(entry, stat, hashText(text), diagnostics, database, functions);
      next.set(entry.file, stored);
      // Within the racy window of the stored `writtenAt`, so the hash goes with the stamp.
      stamps[entry.file] = [stat.size, stat.mtimeMs, stored.hash];
      digests[entry.file] = factsDigest(stored);
    }
    const facts = lines.replaced(next);
    // Every changed file had an entry (the patch needs one); without it, the next run reads them again.
    if (!facts) return;
    writeCacheFile(this.file, JSON.stringify({ ...s, stamps, digests: JSON.stringify(digests), folders: this.folders, result: { ...result, summary: { ...result.summary, durationMs: 0 } } }), facts);
  }

  /** The facts as read, indexed by entry without parsing them all. */
  private lines(): StoredFactLines | undefined {
    if (this.factLines) return this.factLines;
    const bytes = this.verifiedFacts();
    if (!bytes) return undefined;
    try {
      return (this.factLines = new StoredFactLines(bytes));
    } catch {
      return this.dropFacts('unreadable (corrupt)');
    }
  }

  private factLines?: StoredFactLines;

  /** The facts part, read and its checksum verified once, whether it is then parsed whole or by line. */
  private verifiedFacts(): Buffer | undefined {
    if (!this.opened) return undefined;
    const facts = this.opened.facts();
    return typeof facts === 'string' ? this.dropFacts(facts) : facts.bytes;
  }

  /** Nothing more is read from the facts part after this (every lookup misses). */
  private dropFacts(reason: string): undefined {
    this.opened = undefined;
    return this.reject(reason);
  }

  /** Set when a reused result held for changed files: their new stamps, for `saveRestamped`. */
  private restamped?: Record<string, StoredStamp>;

  /**
   * After a reused result: records the changed files' new stamps (with their text hash, so a later
   * edit within the same mtime is still seen) and the folders listed again, as an amendment when it
   * can (see cache-file.ts), and keeps the facts line as it was. Its entries for those files are
   * stale and miss on lookup, which only means they are read again.
   */
  saveRestamped(): void {
    const s = this.summary;
    const opened = this.opened;
    if (!s || !opened) return;
    const stamps = this.restamped ?? {};
    const folders = listingsChange(s.folders, this.folders);
    // A folder listed again with the same items (a file that is not source came or went) is
    // recorded too, or it would be listed again on every run.
    if (Object.keys(stamps).length === 0 && folders === undefined) return;
    if (folders !== 'rewrite' && !shouldRewrite(opened)) {
      const amendment: Amendment = { stamps, ...(folders && { folders }) };
      if (appendAmendment(this.file, opened, amendment)) return;
    }
    const facts = opened.facts();
    if (typeof facts === 'string') return;
    writeCacheFile(this.file, JSON.stringify({ ...s, stamps: { ...s.stamps, ...stamps }, folders: this.folders }), facts.bytes, facts.checksum);
  }

  /**
   * Cached data for a file whose stat (and, if needed, text) says it is unchanged. Facts read
   * without database facts do not answer a run that needs them; the other way round they do.
   */
  lookup(rel: string, statOf: () => FileStamp | undefined, readText: () => string | undefined, database: boolean, functions = ''): CachedFile | undefined {
    const entries = this.entries();
    // A file without an entry (every file, filling an empty cache) is not stat'ed: reading it stats it.
    const entry = entries && Object.hasOwn(entries, rel) ? entries[rel] : undefined;
    if (!entry) return this.miss();
    const stat = statOf();
    if (!stat) return undefined;
    this.stamps.set(rel, { size: stat.size, mtimeMs: stat.mtimeMs });
    if (entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) return this.miss();
    const usable = usableEntry(entry, database, functions);
    if (typeof usable === 'string') return this.miss();
    if (racy(stat.mtimeMs, this.summary?.writtenAt ?? 0)) {
      const text = readText();
      if (text === undefined || hashText(text) !== entry.hash) return this.miss();
    }
    this.stats.hits++;
    this.next[rel] = entry;
    const stripped = usable.data !== entry.data;
    const known = this.summary?.database === database ? this.storedDigests()?.[rel] : undefined;
    this.digests[rel] = !stripped && known !== undefined ? known : factsDigest(usable);
    return usable;
  }

  /** The stored digests, parsed on first use; undefined when there are none or they are malformed. */
  private storedDigests(): Record<string, string> | undefined {
    if (this.parsedDigests === undefined) {
      let parsed: unknown = null;
      try {
        parsed = typeof this.summary?.digests === 'string' ? JSON.parse(this.summary.digests) : null;
      } catch {
        // Malformed: as if there were none, so changed files are analysed rather than compared.
      }
      this.parsedDigests = isObject(parsed) ? (parsed as Record<string, string>) : null;
    }
    return this.parsedDigests ?? undefined;
  }

  private parsedDigests?: Record<string, string> | null;

  /** Whether resolutions from `lookup` can be used (else the caller resolves again). */
  get resolutionsValid(): boolean {
    return this.summary?.environment === this.environment && !this.inputsChanged;
  }

  private inputsChanged = false;

  /**
   * Compares what resolution read last time (`inputs`) with the files now; any difference makes
   * every stored resolution and the stored result unusable. `state(abs)` gives what `inputs` holds.
   */
  checkInputs(state: (abs: string, stored: string) => string): void {
    const inputs = this.summary?.inputs;
    if (!inputs || typeof inputs !== 'object') return;
    for (const [abs, stored] of Object.entries(inputs)) {
      if (state(abs, stored) !== stored) {
        this.inputsChanged = true;
        return;
      }
    }
  }

  store(entry: IndexedFile, stat: FileStamp, text: string, diagnostics: InputDiagnostic[], database: boolean, functions = ''): void {
    this.stamps.set(entry.file, { size: stat.size, mtimeMs: stat.mtimeMs });
    const stored = (this.next[entry.file] = newEntry(entry, stat, hashText(text), diagnostics, database, functions));
    this.digests[entry.file] = factsDigest(stored);
  }

  /** Refreshes resolutions of a reused entry after they were computed again. */
  updateResolutions(entry: IndexedFile): void {
    const known = this.next[entry.file];
    if (known) known.data = { ...known.data, resolutions: entry.resolutions };
  }

  /**
   * Writes the facts looked up or stored in this run and the run's result. `statOf` stamps the
   * files this run did not stat (those that are not source); without a stamp for every file the
   * result is not stored, so the next run indexes again.
   */
  save(files: readonly string[], result: CheckResult, analysisKey: string, statOf: (rel: string) => FileStamp | undefined, database: boolean, inputs: Record<string, string>): void {
    const writtenAt = Date.now();
    const stamps: Record<string, StoredStamp> = {};
    let complete = true;
    for (const rel of files) {
      const stamp = this.stamps.get(rel) ?? statOf(rel);
      if (!stamp) {
        complete = false;
        break;
      }
      const needsHash = racy(stamp.mtimeMs, writtenAt);
      const hash = this.next[rel]?.hash;
      stamps[rel] = needsHash && hash !== undefined ? [stamp.size, stamp.mtimeMs, hash] : [stamp.size, stamp.mtimeMs];
    }
    // Reused resolutions were not read again this run: what they depended on still holds.
    const kept = this.resolutionsValid ? this.summary?.inputs : undefined;
    const summary: Summary = { format: FORMAT, tool: this.tool, environment: this.environment, writtenAt, inputs: { ...kept, ...inputs }, folders: this.folders };
    if (complete) Object.assign(summary, { analysisKey, stamps, result: { ...result, summary: { ...result.summary, durationMs: 0 } }, digests: JSON.stringify(this.digests), database });
    writeCacheFile(this.file, JSON.stringify(summary), factsText(this.next));
  }

  private miss(): undefined {
    this.stats.misses++;
    return undefined;
  }

  private entries(): Record<string, Entry> | undefined {
    if (this.previousEntries) return this.previousEntries;
    const bytes = this.verifiedFacts();
    if (!bytes) return undefined;
    try {
      const entries = JSON.parse(bytes.toString('utf8')) as Record<string, Entry>;
      if (!entries || typeof entries !== 'object' || Array.isArray(entries)) return this.dropFacts('malformed');
      return (this.previousEntries = entries);
    } catch {
      return this.dropFacts('unreadable (corrupt)');
    }
  }

  private read(): Summary | undefined {
    const opened = readCacheFile(this.file);
    if (typeof opened === 'string') return this.reject(opened);
    if (!opened) return undefined;
    try {
      const summary = JSON.parse(opened.summary) as Summary;
      if (typeof summary !== 'object' || summary === null || summary.format !== FORMAT || summary.tool !== this.tool) return this.reject('written by another version');
      for (const amendment of opened.amendments as Amendment[]) amend(summary, amendment);
      this.opened = opened;
      return summary;
    } catch {
      return this.reject('unreadable (corrupt)');
    }
  }

  private reject(reason: string): undefined {
    this.stats.rejected = reason;
    return undefined;
  }
}

/** A file's size and mtime as the cache compares them, or undefined when it cannot be stat'ed. */
export function fileStamp(abs: string): FileStamp | undefined {
  try {
    const { size, mtimeMs } = fs.statSync(abs);
    return { size, mtimeMs };
  } catch {
    return undefined;
  }
}

/** An entry as stored: the facts with the stamp and text hash they were read at, and how they were read. */
function newEntry({ file: _file, ...data }: IndexedFile, stat: FileStamp, hash: string, diagnostics: InputDiagnostic[], database: boolean, functions: string): Entry {
  const entry: Entry = { size: stat.size, mtimeMs: stat.mtimeMs, hash, data, diagnostics };
  if (!database) entry.noDatabase = true;
  if (functions !== '') entry.functions = functions;
  return entry;
}

/**
 * A stored entry's data for a run with these settings, or why it cannot serve: facts read without
 * database facts do not answer a run that needs them (the other way round they do, stripped, as
 * if the run had read the file itself), nor facts read with other table functions.
 */
function usableEntry(entry: Entry, database: boolean, functions: string): CachedFile | string {
  if (typeof entry !== 'object' || entry === null || !isCachedFileData(entry.data) || !Array.isArray(entry.diagnostics ?? [])) return 'malformed';
  if (database && (entry.noDatabase || (entry.functions ?? '') !== functions)) return 'read with other database settings';
  const data = !database && entry.data.facts.database ? { ...entry.data, facts: withoutDatabase(entry.data.facts) } : entry.data;
  return { data, diagnostics: entry.diagnostics ?? [] };
}

function withoutDatabase(facts: IndexedFile['facts']): IndexedFile['facts'] {
  const { database: _omitted, ...rest } = facts;
  return rest;
}

export function defaultCacheFile(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'bulkhead', 'facts.json');
}
