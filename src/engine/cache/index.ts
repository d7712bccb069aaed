/** The cache stage's public surface: other stages and the engine's index import only this file. */
export { FactCache, StoredFactsError, defaultCacheFile, factsDigest, fileStamp, type CacheStats, type ChangedFile, type FileStamp, type PreviousRun, type RereadFile, type Reuse, type UpdatedEntry } from './fact-cache';
export { hashText } from './cache-file';
