import { changedTableNames, referencesTables } from '../rules';
import { type AffectedQuestion, reExportersOnBothSides } from './affected-files';

/**
 * The files whose findings can read the table declarations of `declaring`, which changed: those
 * referencing a table or model by a name one of the changed declarations is found under (the
 * catalog's answer for it, and the `file:line` it quotes, may differ), and those importing a
 * declaring file, directly or through barrels (an entity import quotes where it is declared).
 * Undefined when the candidates cannot tell which files reference tables.
 */
export function declarationReaders(question: AffectedQuestion, declaring: readonly string[]): Set<string> | undefined {
  const { before, after, candidates } = question;
  if (declaring.length === 0) return new Set();
  if (!candidates?.referrers) return undefined;
  const names = new Set(declaring.flatMap((file) => [...changedTableNames(before.get(file), after.get(file))]));
  const readers = new Set<string>();
  for (const file of candidates.referrers()) if (referencesTables(before.get(file), names) || referencesTables(after.get(file), names)) readers.add(file);
  for (const file of candidates.importersOf(reExportersOnBothSides(question, declaring))) readers.add(file);
  return readers;
}
