/** The cache stage's public surface: other stages and the engine's index import only this file. */
export { FactCache, defaultCacheFile, factsDigest, fileStamp, hashText, type CacheStats, type FileStamp } from './fact-cache';
