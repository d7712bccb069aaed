import { isObject } from './cache-shapes';
import type { StoredStamp } from './fact-cache';

/**
 * Discovery's listings as the cache amends them (see discover/find-source-files.ts FolderListings):
 * folder by folder, each entry valid on its own while its stamp holds.
 */
interface Listings {
  key: string;
  startedAt: number;
  folders: Record<string, unknown>;
}

/** What a run that changed no facts adds to the summary (see cache-file.ts). */
export interface Amendment {
  stamps?: Record<string, StoredStamp>;
  /** The folders listed again, with that walk's key and start. */
  folders?: Listings;
}

const isListings = (v: unknown): v is Listings => {
  const l = v as Listings;
  return isObject(l) && typeof l.key === 'string' && typeof l.startedAt === 'number' && isObject(l.folders);
};

/** `Object.assign`, except that a key `__proto__` (a folder of that name) is set as an own property. */
function assignOwn(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
}

/** Applies an amendment read from the file to the summary it names. */
export function amend(summary: { stamps?: unknown; folders?: unknown }, { stamps, folders }: Amendment): void {
  if (isObject(stamps) && isObject(summary.stamps)) assignOwn(summary.stamps, stamps);
  const stored = summary.folders;
  if (isListings(folders) && isListings(stored) && folders.key === stored.key) {
    assignOwn(stored.folders, folders.folders);
    stored.startedAt = folders.startedAt;
  }
}

/**
 * This run's listings as an amendment of the stored ones: the folders the walk did not take from
 * them (it keeps a reused folder's stored object), with its key and start. Undefined when there is
 * no listing to record; 'rewrite' when the key changed (every folder was listed again).
 */
export function listingsChange(stored: unknown, next: unknown): Listings | undefined | 'rewrite' {
  if (!isListings(next)) return undefined;
  if (!isListings(stored) || stored.key !== next.key) return 'rewrite';
  const folders: Record<string, unknown> = {};
  let changed = false;
  for (const key of Object.keys(next.folders)) {
    if (Object.hasOwn(stored.folders, key) && stored.folders[key] === next.folders[key]) continue;
    assignOwn(folders, { [key]: next.folders[key] });
    changed = true;
  }
  return changed ? { key: next.key, startedAt: next.startedAt, folders } : undefined;
}
