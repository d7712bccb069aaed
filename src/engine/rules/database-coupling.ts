import { ReExportTracer } from '../analyze/reexport-tracer';
import type { FileIndex, IndexedFile } from '../analyze/file-index';
import type { TableDeclaration, TableReference } from '../database/database-facts';
import type { DatabaseSetup } from '../database/database-setup';
import { Minimatch } from 'minimatch';
import { TableCatalog, type TableOwner } from '../database/table-catalog';
import type { ModuleInfo, ModuleMap } from '../map/module-map';
import type { Finding, Rule, RuleContext } from './rule';

const NO_SETUP: DatabaseSetup = { allowedIn: [], prismaModels: [], tables: new Map(), diagnostics: [] };

export const databaseCoupling: Rule = {
  id: 'database-coupling',
  description: "A module reads or writes another module's tables, or imports a database driver outside `database.allowedIn`.",
  check(context) {
    const setup = context.database ?? NO_SETUP;
    const shared = context.tracer && !context.tracer.orderSensitive ? context.tracer : undefined;
    if (shared) {
      const findings = incrementalFindings(context, setup, shared);
      if (!shared.orderSensitive) return findings;
      // A re-export cycle was cut while tracing entity imports: answers then depend on the order
      // of the questions, so this analysis is redone as a first one would do it.
      statesByIndex.delete(context.index);
    }
    return collect(newState(context, setup, new ReExportTracer(context.index)), context.index);
  },
};

type ModuleOf = (file: string) => ModuleInfo | undefined;

/** A file's findings, valid while the file's entry is the same object. */
type PerFile = Map<string, { entry: IndexedFile; drivers: Finding[]; tables: Finding[] }>;

/**
 * What the last analysis of an index computed. Driver and table findings of a file depend only on
 * its own entry and on `map`, `setup` and every file's table declarations (the catalog); entity
 * imports also on the tracer, which is the same object exactly while no export surface changed.
 * So an edit recomputes only the edited file, and an edit to a barrel's exports only the entity
 * imports.
 */
interface State {
  map: ModuleMap;
  setup: DatabaseSetup;
  moduleOf: ModuleOf;
  allowed: Minimatch[];
  catalog: TableCatalog;
  declarations: Map<string, { entry: IndexedFile; signature: string }>;
  perFile: PerFile;
  traced: { tracer: ReExportTracer; entities: EntityNames | undefined; perFile: Map<string, { entry: IndexedFile; findings: Finding[] }> };
}

const statesByIndex = new WeakMap<FileIndex, State>();

function incrementalFindings(context: RuleContext, setup: DatabaseSetup, tracer: ReExportTracer): Finding[] {
  const known = statesByIndex.get(context.index);
  const state = known && stillValid(known, context, setup) ? known : newState(context, setup, tracer);
  if (state.traced.tracer !== tracer) state.traced = traced(context.index, tracer);
  statesByIndex.set(context.index, state);
  return collect(state, context.index);
}

function newState({ index, map }: RuleContext, setup: DatabaseSetup, tracer: ReExportTracer): State {
  // The map answers moduleOf by walking folders; every part below asks it for the same files.
  const owners = new Map<string, ModuleInfo | undefined>();
  const moduleOf = (file: string): ModuleInfo | undefined => {
    if (!owners.has(file)) owners.set(file, map.moduleOf(file));
    return owners.get(file);
  };
  const declarations = new Map<string, { entry: IndexedFile; signature: string }>();
  for (const entry of index.values()) declarations.set(entry.file, { entry, signature: declarationSignature(entry) });
  return {
    map, setup, moduleOf, declarations,
    allowed: setup.allowedIn.map((glob) => new Minimatch(glob, { dot: true })),
    catalog: new TableCatalog(index, moduleOf, map.modules.values(), setup),
    perFile: new Map(),
    traced: traced(index, tracer),
  };
}

function traced(index: FileIndex, tracer: ReExportTracer): State['traced'] {
  return { tracer, entities: entityNames(index), perFile: new Map() };
}

function stillValid(state: State, { index, map }: RuleContext, setup: DatabaseSetup): boolean {
  if (state.map !== map || state.setup !== setup || state.declarations.size !== index.size) return false;
  for (const entry of index.values()) {
    const known = state.declarations.get(entry.file);
    if (!known) return false;
    if (known.entry === entry) continue;
    if (declarationSignature(entry) !== known.signature) return false;
    known.entry = entry;
  }
  return true;
}

/** Everything the catalog and the entity names read from a file (lines are quoted in messages). */
function declarationSignature({ facts }: IndexedFile): string {
  const declarations = facts.database?.declarations;
  return declarations && declarations.length > 0 ? JSON.stringify(declarations) : '';
}

/** All findings in the order a full pass finds them: drivers, then tables, then entity imports. */
function collect(state: State, index: FileIndex): Finding[] {
  const drivers: Finding[] = [];
  const tables: Finding[] = [];
  const entities: Finding[] = [];
  const { perFile, traced } = state;
  for (const entry of index.values()) {
    let cached = perFile.get(entry.file);
    if (cached?.entry !== entry) perFile.set(entry.file, (cached = { entry, drivers: driverImports(entry, state), tables: tableAccesses(entry, state) }));
    for (const f of cached.drivers) drivers.push(f);
    for (const f of cached.tables) tables.push(f);
    if (!traced.entities) continue;
    let hits = traced.perFile.get(entry.file);
    if (hits?.entry !== entry) traced.perFile.set(entry.file, (hits = { entry, findings: entityImports(entry, state, index) }));
    for (const f of hits.findings) entities.push(f);
  }
  return drivers.concat(tables, entities);
}

/** Driver/ORM imports in files that `database.allowedIn` does not cover. */
function driverImports({ file, facts, resolutions }: IndexedFile, { setup, allowed, moduleOf }: State): Finding[] {
  const drivers = setup.drivers;
  if (!drivers || allowed.some((glob) => glob.match(file))) return [];
  const findings: Finding[] = [];
  facts.imports.forEach((fact, i) => {
    const r = resolutions[i];
    const driver = drivers.match(fact.specifier, r?.kind === 'file' ? r.file : undefined);
    if (!driver) return;
    const module = moduleOf(file);
    const who = module ? `Module "${module.name}"` : 'This file';
    findings.push({
      rule: 'database-coupling', file, range: fact.range, sourceModule: module?.name, specifier: fact.specifier,
      identity: `driver\u0001${driver}`,
      message: `${who} imports the database driver "${driver}" at ${file}:${fact.range.start.line}, outside the files database.allowedIn permits (${setup.allowedIn.join(', ')}). Move the data access behind a repository in an allowed folder.`,
    });
  });
  return findings;
}

/** SQL, Prisma, query-builder and model-name references to tables another module owns. */
function tableAccesses({ file, facts }: IndexedFile, { moduleOf, catalog }: State): Finding[] {
  const references = facts.database?.references;
  const module = references && references.length > 0 ? moduleOf(file) : undefined;
  if (!module || !references) return [];
  const findings: Finding[] = [];
  for (const ref of references) {
    const target = resolveReference(ref, catalog);
    if (!target) continue;
    const owner = foreignOwner(target.owners, module);
    if (!owner) continue;
    findings.push({
      rule: 'database-coupling', file, range: ref.range, sourceModule: module.name, targetModule: owner.module.name,
      identity: `table\u0001${ref.kind}\u0001${target.table.toLowerCase()}`,
      message: `Module "${module.name}" accesses ${target.what} of module "${owner.module.name}" through ${ref.via} at ${file}:${ref.range.start.line} (owner: ${owner.evidence}). Only the owning module touches its tables; use its public API instead.`,
    });
  }
  return findings;
}

function resolveReference(ref: TableReference, catalog: TableCatalog): { owners: TableOwner[]; table: string; what: string } | undefined {
  switch (ref.kind) {
    case 'sql':
    case 'query-builder':
      return { owners: catalog.ownersOfTable(ref.name), table: ref.name, what: `table "${ref.name}"` };
    case 'model-name':
      return { owners: catalog.ownersOfModel(ref.name), table: ref.name, what: `model "${ref.name}"` };
    case 'prisma': {
      const model = catalog.prismaModel(ref.name);
      // With a schema, a delegate that names no model is not Prisma (`tx.invoice` of some other
      // client); without one, only a client called prisma… is trusted (`client.invoices` may be Stripe).
      if (catalog.hasPrismaSchema ? !model : !/prisma/i.test(ref.via.slice(0, ref.via.lastIndexOf('.')))) return undefined;
      const what = model ? `Prisma model "${model.model}" (table "${model.table}")` : `Prisma model "${ref.name}"`;
      return { owners: catalog.ownersOfPrismaModel(model, ref.name), table: model?.model ?? ref.name, what };
    }
  }
}

/** The names a table declaration may be imported under, through renaming barrels too. */
interface EntityNames {
  bindings: ReadonlySet<string>;
  /** Whether a declaration's binding is what an import of `imported` brings in. */
  standsFor(binding: string, imported: string): boolean;
}

/** Undefined when no file declares a table, so that no import can bring one in. */
function entityNames(index: FileIndex): EntityNames | undefined {
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
  return { bindings, standsFor: (binding, imported) => binding === imported || !!originalNames.get(imported)?.has(binding) };
}

/** Imports of an entity, model or table object that another module declares (through barrels too). */
function entityImports({ file, facts, resolutions }: IndexedFile, { moduleOf, catalog, traced }: State, index: FileIndex): Finding[] {
  const { entities, tracer } = traced;
  const module = moduleOf(file);
  if (!module || !entities) return [];
  const { bindings, standsFor } = entities;
  const findings: Finding[] = [];
  facts.imports.forEach((fact, i) => {
    const r = resolutions[i];
    if (fact.typeOnly || fact.kind === 'export' || r?.kind !== 'file') return;
    // One finding per owning module, however many of its tables the import brings in.
    const hits = new Map<ModuleInfo, { owner: TableOwner; tables: { name: string; d: TableDeclaration; at: string }[] }>();
    for (const { imported } of fact.names) {
      if (imported !== '*' && !bindings.has(imported)) continue;
      for (const origin of tracer.origins(r.file, imported)) {
        const declarer = moduleOf(origin.file);
        if (!declarer) continue;
        for (const d of index.get(origin.file)?.facts.database?.declarations ?? []) {
          if (imported !== '*' && !d.bindings.some((b) => standsFor(b, imported))) continue;
          const owner = foreignOwner(catalog.ownersOfDeclaration(d, declarer, origin.file), module);
          if (!owner) continue;
          const hit = hits.get(owner.module) ?? { owner, tables: [] };
          hits.set(owner.module, hit);
          const name = imported === '*' || imported === 'default' ? d.bindings[0] ?? d.table : imported;
          if (!hit.tables.some((t) => t.d === d)) hit.tables.push({ name, d, at: `${origin.file}:${d.range.start.line}` });
        }
      }
    }
    for (const { owner, tables } of hits.values()) {
      const [first] = tables;
      const more = tables.length > 1 ? ` and ${tables.length - 1} more table definition(s) (${tables.slice(1).map((t) => `"${t.d.table}"`).join(', ')})` : '';
      findings.push({
        rule: 'database-coupling', file, range: fact.range, sourceModule: module.name, targetModule: owner.module.name, specifier: fact.specifier,
        identity: `entity\u0001${tables.map((t) => t.d.table.toLowerCase()).sort().join(',')}`,
        message: `Module "${module.name}" imports "${first.name}", the ${first.d.orm} definition of table "${first.d.table}" of module "${owner.module.name}"${more}, at ${file}:${fact.range.start.line} (declared at ${first.at}). Only the owning module touches its tables; use its public API instead.`,
      });
    }
  });
  return findings;
}

/** The owner to report when `module` is not among the owners, else undefined. */
function foreignOwner(owners: TableOwner[], module: ModuleInfo): TableOwner | undefined {
  if (owners.length === 0 || owners.some((o) => o.module === module)) return undefined;
  return owners[0];
}
