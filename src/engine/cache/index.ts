/** The cache stage's public surface: other stages and the engine's index import only this file. */
export { FactCache, defaultCacheFile, fileStamp, type CacheStats } from './fact-cache';
