import { Minimatch } from 'minimatch';
import { escapeRegExp, globTester } from '../glob';
import { defaultIgnoreTests } from './default-ignores';

/** A workspace package, as far as sparing it needs. */
export interface NamedPackage {
  name?: string;
  folder: string;
}

export interface SparedPackages {
  /** The ignore list with each spared package taken back, then its own tests left out again. */
  ignore: string[];
  /** The packages taken back, as `name (folder)`. */
  spared: string[];
}

/**
 * A workspace package that the default globs leave out as a whole, by its folder's name (Theia's
 * `packages/test`, the test explorer, under `**\/test/**`), is product code when product code
 * imports it by name. It is taken back with `!<folder>/**`, and the default globs that match
 * files inside it follow with its folder in front (`packages/test/**\/*.spec.*`), so its own
 * tests stay out: the last matching entry decides.
 */
export function spareImportedPackages(
  ignore: readonly string[],
  files: readonly string[],
  kept: readonly string[],
  packages: readonly NamedPackage[],
  read: (file: string) => string | undefined,
): SparedPackages {
  const folderGlobs = ignore.map((glob) => globTester(new Minimatch(glob, { dot: true })));
  const swallowed = packages.filter((p): p is Required<NamedPackage> =>
    p.name !== undefined && folderGlobs.some((test) => test(`${p.folder}/`)) && files.some((f) => f.startsWith(`${p.folder}/`)) && !kept.some((f) => f.startsWith(`${p.folder}/`)));
  if (swallowed.length === 0) return { ignore: [...ignore], spared: [] };
  const byName = new Map(swallowed.map((p) => [p.name, p]));
  const quoted = new RegExp(`(['"\`])(${swallowed.map((p) => escapeRegExp(p.name)).join('|')})(?:/[^'"\`\\s]*)?\\1`, 'g');
  const imported = new Set<Required<NamedPackage>>();
  for (const file of kept) {
    const text = read(file);
    if (text === undefined) continue;
    for (const m of text.matchAll(quoted)) imported.add(byName.get(m[2])!);
    if (imported.size === swallowed.length) break;
  }
  const spared = swallowed.filter((p) => imported.has(p));
  const out = [...ignore];
  for (const p of spared) {
    out.push(`!${p.folder}/**`);
    const inside = files.filter((f) => f.startsWith(`${p.folder}/`)).map((f) => f.slice(p.folder.length + 1));
    for (const { glob, test } of defaultIgnoreTests()) if (inside.some(test)) out.push(`${p.folder}/${glob}`);
  }
  return { ignore: out, spared: spared.map((p) => `${p.name} (${p.folder})`) };
}
