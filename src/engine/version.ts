/** Replaced at bundle time by esbuild's `define`; the fallback serves unbundled test runs. */
declare const BULKHEAD_VERSION: string | undefined;
export const VERSION: string = typeof BULKHEAD_VERSION === 'string' ? BULKHEAD_VERSION : '0.0.0-dev';
