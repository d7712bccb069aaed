import type { IndexedFile } from '../analyze';
import { declarationNames, lookupNames } from '../database';
import type { TableDeclaration } from '../extract';

/**
 * The names (lower case) under which the catalog finds the declarations a file has in one entry
 * and not alike in the other: its answers for these names, and the `file:line` they quote, may
 * differ between the two.
 */
export function changedTableNames(was: IndexedFile | undefined, now: IndexedFile | undefined): Set<string> {
  const before = was?.facts.database?.declarations ?? [];
  const after = now?.facts.database?.declarations ?? [];
  const beforeKeys = new Set(before.map((d) => JSON.stringify(d)));
  const afterKeys = new Set(after.map((d) => JSON.stringify(d)));
  const changed: TableDeclaration[] = [...before.filter((d) => !afterKeys.has(JSON.stringify(d))), ...after.filter((d) => !beforeKeys.has(JSON.stringify(d)))];
  const names = new Set<string>();
  for (const d of changed) for (const n of declarationNames(d)) names.add(n.toLowerCase());
  return names;
}

/** Whether a file references a table or model by one of `names` (as the catalog looks them up; Prisma delegates read only the map). */
export function referencesTables(entry: IndexedFile | undefined, names: ReadonlySet<string>): boolean {
  const references = entry?.facts.database?.references ?? [];
  return references.some((r) => r.kind !== 'prisma' && lookupNames(r.name).some((n) => names.has(n.toLowerCase())));
}
