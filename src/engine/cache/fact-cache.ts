import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IndexedFile } from '../analyze/file-index';
import type { InputDiagnostic } from '../model/result';
import { writeFileAtomic } from '../io/atomic-write';

/** Bump when the shape of cached facts changes. */
const FORMAT = 4;
/** A file changed within this window of the cache write may share its mtime with the cached version. */
const RACY_WINDOW_MS = 2000;

interface Entry {
  size: number;
  mtimeMs: number;
  hash: string;
  data: Omit<IndexedFile, 'file'>;
  diagnostics: InputDiagnostic[];
}

export interface CachedFile {
  data: Omit<IndexedFile, 'file'>;
  diagnostics: InputDiagnostic[];
}

interface Payload {
  format: number;
  tool: string;
  /** Hash of what module resolution depends on (file list, tsconfigs, package.jsons, config). */
  environment: string;
  writtenAt: number;
  entries: Record<string, Entry>;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Why the stored cache was not used, when it was not. */
  rejected?: string;
}

/**
 * Per-file facts (and, while the resolution environment is unchanged, resolutions) persisted
 * between runs. A file is trusted unchanged when size and mtime match, and its content hash is
 * compared when the mtime is too close to the cache write to be conclusive. A cache whose checksum,
 * format or tool version does not match is discarded, never trusted.
 */
export class FactCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private readonly previous: Payload | undefined;
  private readonly next: Record<string, Entry> = {};
  private dirty = false;

  constructor(private readonly file: string, private readonly tool: string, private readonly environment: string) {
    this.previous = this.read();
  }

  /** Cached data for a file whose stat (and, if needed, text) says it is unchanged. */
  lookup(rel: string, stat: { size: number; mtimeMs: number }, readText: () => string | undefined): CachedFile | undefined {
    const entry = this.previous?.entries[rel];
    if (!entry || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) return this.miss();
    if (Math.abs(stat.mtimeMs - (this.previous?.writtenAt ?? 0)) < RACY_WINDOW_MS) {
      const text = readText();
      if (text === undefined || hashText(text) !== entry.hash) return this.miss();
    }
    this.stats.hits++;
    this.next[rel] = entry;
    return { data: entry.data, diagnostics: entry.diagnostics ?? [] };
  }

  /** Whether resolutions from `lookup` can be used (else the caller resolves again). */
  get resolutionsValid(): boolean {
    return this.previous?.environment === this.environment;
  }

  store(entry: IndexedFile, stat: { size: number; mtimeMs: number }, text: string, diagnostics: InputDiagnostic[]): void {
    const { file, ...data } = entry;
    this.next[file] = { size: stat.size, mtimeMs: stat.mtimeMs, hash: hashText(text), data, diagnostics };
    this.dirty = true;
  }

  /** Refreshes resolutions of a reused entry after they were computed again. */
  updateResolutions(entry: IndexedFile): void {
    const known = this.next[entry.file];
    if (known) {
      known.data = { ...known.data, resolutions: entry.resolutions };
      this.dirty = true;
    }
  }

  save(): void {
    const removed = this.previous && Object.keys(this.previous.entries).some((k) => !(k in this.next));
    if (!this.dirty && !removed && this.previous?.environment === this.environment) return;
    const payload: Payload = { format: FORMAT, tool: this.tool, environment: this.environment, writtenAt: Date.now(), entries: this.next };
    const body = JSON.stringify(payload);
    writeFileAtomic(this.file, `${JSON.stringify({ checksum: hashText(body) })}\n${body}`);
  }

  private miss(): undefined {
    this.stats.misses++;
    return undefined;
  }

  private read(): Payload | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return undefined;
    }
    const newline = text.indexOf('\n');
    try {
      const header = JSON.parse(text.slice(0, newline)) as { checksum?: string };
      const body = text.slice(newline + 1);
      if (newline < 0 || header.checksum !== hashText(body)) return this.reject('checksum mismatch (corrupt or edited)');
      const payload = JSON.parse(body) as Payload;
      if (payload.format !== FORMAT || payload.tool !== this.tool) return this.reject('written by another version');
      if (!payload.entries || typeof payload.entries !== 'object') return this.reject('malformed');
      return payload;
    } catch {
      return this.reject('unreadable (corrupt)');
    }
  }

  private reject(reason: string): undefined {
    this.stats.rejected = reason;
    return undefined;
  }
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function defaultCacheFile(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'bulkhead', 'facts.json');
}
