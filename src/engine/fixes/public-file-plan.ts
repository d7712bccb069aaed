import * as path from 'node:path';
import type { FileIndex } from '../analyze';
import type { ModuleInfo, ModuleMap } from '../map';
import { DECLARATION_FILE } from '../model';

/** The public file a re-export goes into: one that exists, or one to create. */
export interface PublicFilePlan {
  file: string;
  create: boolean;
}

const GLOB_CHARS = /[*?[\]{}!()]/;

/**
 * The module's most prominent public file (shortest path, as the internal-import message names
 * it). Without one: the first file the module's `public` patterns name literally (`api.ts`), else
 * `index.ts` (`index.js` in a JavaScript module) at the root holding `internalFile` — only if the
 * module map says that path is public, so a module whose `public` excludes it gets no new file.
 */
export function publicFilePlan(index: FileIndex, map: ModuleMap, module: ModuleInfo, internalFile: string, exists: (file: string) => boolean): PublicFilePlan | undefined {
  const existing = [...index.keys()]
    .filter((f) => map.moduleOf(f) === module && map.isPublic(module, f) && !DECLARATION_FILE.test(f))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  if (existing.length > 0) return index.get(existing[0])?.facts.syntaxError ? undefined : { file: existing[0], create: false };

  const root = module.roots.filter((r) => internalFile.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
  if (root === undefined) return undefined;
  const javascript = /\.[cm]?jsx?$/.test(internalFile);
  const sameLanguage = javascript ? /\.[cm]?jsx?$/ : /\.[cm]?tsx?$/;
  const named = module.public.filter((p) => !GLOB_CHARS.test(p) && !p.startsWith('.') && sameLanguage.test(p) && !DECLARATION_FILE.test(p));
  const candidates = [...named, javascript ? 'index.js' : 'index.ts'].map((p) => path.posix.join(root, p));
  const file = candidates.find((f) => map.isPublic(module, f) && map.moduleOf(f) === module && !index.has(f) && !exists(f));
  return file === undefined ? undefined : { file, create: true };
}
