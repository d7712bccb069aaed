import type { ReadStaticExport } from './static-literal';

/**
 * static-literal.ts loads TypeScript. The engine's index reaches this folder, so a static import
 * would load TypeScript for every `bulkhead --version`; requiring it here defers that to the
 * moment a JavaScript or TypeScript config is actually read.
 */
export function lazyStaticExport(): ReadStaticExport {
  return (require('./static-literal') as typeof import('./static-literal')).readStaticExport;
}
