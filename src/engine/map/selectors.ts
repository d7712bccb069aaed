import type { Minimatch } from 'minimatch';
import { compileGlob } from '../glob';

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

/**
 * Compiled name globs: a config has a handful, asked about for every module pair. A memo of a pure
 * function keyed by the glob's text; emptied when a long-lived server has seen many configs.
 */
const nameGlobs = new Map<string, Minimatch>();
const MAX_NAME_GLOBS = 1000;

export function selects(selector: string, target: Selectable): boolean {
  // A module whose name has glob characters (`editor/{api}`, `[legacy]`) is named literally too.
  if (selector === '*' || selector === target.name) return true;
  if (isTagSelector(selector)) return target.tags.includes(selector.slice(4));
  if (isNameGlob(selector)) {
    let glob = nameGlobs.get(selector);
    if (!glob) {
      if (nameGlobs.size >= MAX_NAME_GLOBS) nameGlobs.clear();
      nameGlobs.set(selector, (glob = compileGlob(selector)));
    }
    return glob.match(target.name);
  }
  return target.name === selector;
}
