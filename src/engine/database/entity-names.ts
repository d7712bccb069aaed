import type { DatabaseFacts } from '../extract';

/** The part of the workspace's file index that entity names are read from. */
type FileIndexLike = ReadonlyMap<string, { facts: { database?: DatabaseFacts; reExports: readonly { exported: string; imported: string }[] } }>;

/** The names a table declaration may be imported under, through renaming barrels too. */
export interface EntityNames {
  bindings: ReadonlySet<string>;
  /** Whether a declaration's binding is what an import of `imported` brings in. */
  standsFor(binding: string, imported: string): boolean;
  /** Equal exactly when `bindings` and `standsFor` are. */
  signature: string;
}

/** Undefined when no file declares a table, so that no import can bring one in. */
export function entityNames(index: FileIndexLike): EntityNames | undefined {
  // Only names some file declares a table under can lead to one; most imports are skipped here.
  const bindings = new Set<string>();
  for (const entry of index.values()) for (const d of entry.facts.database?.declarations ?? []) for (const b of d.bindings) bindings.add(b);
  if (bindings.size === 0) return undefined;
  // Barrels may rename: `export { Invoice as BillingInvoice } from './invoice.entity'`; the
  // tracer finds the declaring file, `originalNames` the names it may have there.
  const originalNames = new Map<string, Set<string>>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of index.values()) {
      for (const r of entry.facts.reExports) {
        if (!bindings.has(r.imported) || r.exported === r.imported) continue;
        const names = originalNames.get(r.exported) ?? new Set<string>();
        const before = names.size;
        names.add(r.imported);
        for (const n of originalNames.get(r.imported) ?? []) names.add(n);
        originalNames.set(r.exported, names);
        if (!bindings.has(r.exported) || names.size !== before) grew = true;
        bindings.add(r.exported);
      }
    }
  }
  const signature = JSON.stringify([[...bindings].sort(), [...originalNames].map(([k, v]) => [k, [...v].sort()]).sort()]);
  return { bindings, signature, standsFor: (binding, imported) => binding === imported || !!originalNames.get(imported)?.has(binding) };
}
