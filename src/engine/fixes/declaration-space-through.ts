import type { FileIndex } from '../analyze';
import { declarationSpace, type DeclarationSpace } from './declaration-space';

const MAX_HOPS = 16;

/**
 * What `name` exported by `file` is — value or type — following `export { … } from` and
 * `export * from` to the file that declares it. An `export type` on the way makes it a type.
 */
export function declarationSpaceThrough(index: FileIndex, readText: (file: string) => string | undefined, file: string, name: string, hops = 0): DeclarationSpace | undefined {
  if (hops > MAX_HOPS) return undefined;
  const text = readText(file);
  if (text === undefined) return undefined;
  const own = declarationSpace(file, text, name);
  if (own) return own;
  const entry = index.get(file);
  if (!entry) return undefined;
  const { facts, resolutions } = entry;
  for (const r of facts.reExports.filter((x) => x.exported === name)) {
    if (facts.imports[r.importIndex]?.typeOnly) return 'type';
    const next = resolutions[r.importIndex];
    const found = next?.kind === 'file' ? declarationSpaceThrough(index, readText, next.file, r.imported, hops + 1) : undefined;
    if (found) return found;
  }
  if (name === 'default') return undefined;
  for (const i of facts.starExports) {
    const next = resolutions[i];
    const found = next?.kind === 'file' ? declarationSpaceThrough(index, readText, next.file, name, hops + 1) : undefined;
    if (found) return facts.imports[i]?.typeOnly ? 'type' : found;
  }
  return undefined;
}
