import type { Minimatch } from 'minimatch';
import { compileGlob } from '../glob/compile-glob';

/** What a selector (`*`, a name, a name glob, or `tag:<tag>`) is matched against. */
export interface Selectable {
  name: string;
  tags: readonly string[];
}

const GLOB_MAGIC = /[*?[\]{}!]/;

export function isTagSelector(selector: string): boolean {
  return selector.startsWith('tag:');
}

export function isNameGlob(selector: string): boolean {
  return GLOB_MAGIC.test(selector);
}

/** Compiled name globs: a config has a handful, asked about for every module pair. */
const nameGlobs = new Map<string, Minimatch>();

export function selects(selector: string, target: Selectable): boolean {
  if (selector === '*') return true;
  if (isTagSelector(selector)) return target.tags.includes(selector.slice(4));
  if (isNameGlob(selector)) {
    let glob = nameGlobs.get(selector);
    if (!glob) nameGlobs.set(selector, (glob = compileGlob(selector)));
    return glob.match(target.name);
  }
  return target.name === selector;
}
