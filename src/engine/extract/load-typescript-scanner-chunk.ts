// What `./typescript-scanner` means inside the bundles (see typescript-scanner.ts): TypeScript's
// scanner from dist/typescript-scanner.js, 150 KB against the 7 MB of dist/typescript.js. Loading
// it takes a few milliseconds, so it has no code cache.
import * as path from 'node:path';
import type * as TsMorph from 'ts-morph';

// Typed as the whole of TypeScript, as typescript-scanner.ts is: the chunk holds every name the
// files importing it use (the build reads them from those files).
export const ts = require(path.join(__dirname, 'typescript-scanner.js')) as typeof TsMorph.ts;
