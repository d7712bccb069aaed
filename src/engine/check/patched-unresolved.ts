import type { IndexedFile } from '../analyze';
import type { UnresolvedImport } from '../model';

/**
 * The unresolved list with the changed files' entries replaced, in result order (the files'):
 * in place when a file had entries, else where the file's position puts them.
 */
export function updatedUnresolved(previous: readonly UnresolvedImport[], changed: readonly { file: string; now: UnresolvedImport[] }[], files: readonly string[], position?: (file: string) => number): UnresolvedImport[] {
  const unresolved = [...previous];
  // A large workspace has many files: their positions are looked up only when needed.
  let placed = position;
  for (const { file, now } of changed) {
    const [start, end] = rangeOf(unresolved, file, position);
    if (start < end || position) unresolved.splice(start, end - start, ...now);
    else if (now.length > 0) {
      if (!placed) {
        const positions = new Map(files.map((f, i) => [f, i]));
        placed = (f) => positions.get(f) ?? 0;
      }
      const at = placed(file);
      const before = unresolved.findIndex((u) => placed!(u.file) > at);
      unresolved.splice(before < 0 ? unresolved.length : before, 0, ...now);
    }
  }
  return unresolved;
}

/**
 * Where a file's entries are in a list in result order, as [start, end): found by halving when
 * `position` gives each file's place in that order, else by a walk (start = end when it has none;
 * with `position`, that is also where they go).
 */
export function rangeOf(list: readonly UnresolvedImport[], file: string, position?: (file: string) => number): [number, number] {
  let start: number;
  if (position) {
    const at = position(file);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (position(list[middle].file) < at) low = middle + 1;
      else high = middle;
    }
    start = low;
  } else {
    start = list.findIndex((u) => u.file === file);
    if (start < 0) return [0, 0];
  }
  let end = start;
  while (end < list.length && list[end].file === file) end++;
  return [start, end];
}

/** A file's unresolved imports as the result lists them. */
export function unresolvedOf({ file, facts, resolutions }: IndexedFile): UnresolvedImport[] {
  return facts.imports.flatMap((fact, i) => (resolutions[i].kind === 'unresolved' ? [{ file, range: fact.range, specifier: fact.specifier }] : []));
}
