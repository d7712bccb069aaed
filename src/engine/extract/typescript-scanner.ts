// The part of TypeScript the token scanner path uses (the scanner, its enums, the comment and
// pragma readers). A file importing `ts` from here instead of `ts-morph` can run without loading
// all of TypeScript: in the bundles, scripts/build.mjs maps this module to
// load-typescript-scanner-chunk.ts, which loads dist/typescript-scanner.js, made by
// scripts/typescript-scanner-chunk.mjs from the `ts.X` names those files use. Tests and
// tsc-compiled code get the whole of TypeScript here.
import { ts as typescript } from 'ts-morph';

export import ts = typescript;
