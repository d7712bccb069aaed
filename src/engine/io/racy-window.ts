/**
 * A file or folder changed within this long before a listing or stamp was taken may share its
 * mtime with a later change (coarse timestamps, a write in the same tick): such a stamp cannot
 * prove it unchanged (see cache/fact-cache.ts and discover/find-source-files.ts).
 */
export const RACY_WINDOW_MS = 2000;
