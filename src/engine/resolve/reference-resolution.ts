import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { ResolutionHost } from './resolution-host';

/**
 * The file a `/// <reference path="…" />` names, as the compiler finds it: the path taken relative
 * to the referencing file's folder (never through `paths` or node_modules); with an extension, the
 * file itself when the extension is one TypeScript reads; without one, the first of `.ts`,
 * `.tsx`, `.d.ts` that exists. Resolution always reads `.js` and `.json` (see TsconfigRegistry).
 */
export function resolveReferencePath(fileName: string, containingFile: string, host: ResolutionHost): string | undefined {
  const target = path.resolve(path.dirname(containingFile), fileName);
  if (path.basename(target).includes('.')) {
    return READABLE.some((ext) => target.endsWith(ext)) && host.fileExists(target) ? target : undefined;
  }
  return WITHOUT_EXTENSION.map((ext) => target + ext).find((f) => host.fileExists(f));
}

/** `/// <reference types="…" />`: TypeScript's own lookup (type roots, then node_modules). */
export function resolveTypeReference(name: string, containingFile: string, options: ts.CompilerOptions, host: ResolutionHost, mode?: ts.ResolutionMode): ts.ResolvedTypeReferenceDirective | undefined {
  return ts.resolveTypeReferenceDirective(name, containingFile, options, host, undefined, undefined, mode).resolvedTypeReferenceDirective;
}

const WITHOUT_EXTENSION = ['.ts', '.tsx', '.d.ts'];
/** TypeScript's supported extensions with `allowJs` and `resolveJsonModule`. */
const READABLE = ['.ts', '.tsx', '.d.ts', '.cts', '.d.cts', '.mts', '.d.mts', '.js', '.jsx', '.cjs', '.mjs', '.json'];
