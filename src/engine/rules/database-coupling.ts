import { ReExportTracer } from '../analyze/reexport-tracer';
import type { FileIndex, IndexedFile } from '../analyze/file-index';
import { importsAny } from '../analyze/incremental-crossings';
import type { TableDeclaration, TableReference } from '../database/database-facts';
import type { DatabaseSetup } from '../database/database-setup';
import { Minimatch } from 'minimatch';
import { entityNames, type EntityNames } from '../database/entity-names';
import { TableCatalog, type TableOwner } from '../database/table-catalog';
import type { ModuleInfo, ModuleMap } from '../map/module-map';
import type { Finding, Rule, RuleContext } from './rule';

const NO_SETUP: DatabaseSetup = { allowedIn: [], prismaModels: [], tables: new Map(), diagnostics: [] };

export const databaseCoupling: Rule = {
  id: 'database-coupling',
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

/**
 * A file's findings, valid while the file's entry is the same object; entity findings only while
 * `traced` is also the one they were found with.
 */
type PerFile = Map<string, { entry: IndexedFile; tables: Finding[]; traced?: Traced; entities?: Finding[] }>;

interface Traced {
  tracer: ReExportTracer;
  entities: EntityNames | undefined;
  /** Files the tracer forgot answers for in this analysis: imports of them are looked at again. */
  retraced: ReadonlySet<string>;
  /** `tracer.forgets` as of this analysis. */
  forgets: number;
}

/**
 * What the last analysis of an index computed. Driver findings of a file depend only on its own
 * entry, `map` and `setup`; table findings also on every file's table declarations (the catalog);
 * entity imports also on the tracer's answers, which the crossings report when they forget some
 * (`retraced`). So an edit recomputes the edited file, plus the entity imports of files that
 * import a barrel whose re-exports changed; only a changed table declaration rebuilds the catalog.
 */
interface State {
  map: ModuleMap;
  setup: DatabaseSetup;
  moduleOf: ModuleOf;
  allowed: Minimatch[];
  /** Driver findings per file: they do not depend on table declarations, so they outlive the catalog. */
  drivers: Map<string, { entry: IndexedFile; findings: Finding[] }>;
  catalog: TableCatalog;
  declarations: Map<string, { entry: IndexedFile; signature: string }>;
  perFile: PerFile;
  traced: Traced;
}

const statesByIndex = new WeakMap<FileIndex, State>();

function incrementalFindings(context: RuleContext, setup: DatabaseSetup, tracer: ReExportTracer): Finding[] {
  const known = statesByIndex.get(context.index);
  const state = known && stillValid(known, context, setup) ? known : newState(context, setup, tracer, known);
  state.traced = currentTraced(state.traced, context.index, tracer, context.retraced ?? new Set());
  statesByIndex.set(context.index, state);
  return collect(state, context.index);
}

function newState({ index, map }: RuleContext, setup: DatabaseSetup, tracer: ReExportTracer, previous?: State): State {
  const sameConfig = previous?.map === map && previous.setup === setup;
  // The map answers moduleOf by walking folders; every part below asks it for the same files.
  const owners = new Map<string, ModuleInfo | undefined>();
  const moduleOf = sameConfig
    ? previous.moduleOf
    : (file: string): ModuleInfo | undefined => {
        if (!owners.has(file)) owners.set(file, map.moduleOf(file));
        return owners.get(file);
      };
  const declarations = new Map<string, { entry: IndexedFile; signature: string }>();
  for (const entry of index.values()) declarations.set(entry.file, { entry, signature: declarationSignature(entry) });
  return {
    map, setup, moduleOf, declarations,
    allowed: sameConfig ? previous.allowed : setup.allowedIn.map((glob) => new Minimatch(glob, { dot: true })),
    drivers: sameConfig ? previous.drivers : new Map(),
    catalog: new TableCatalog(index, moduleOf, map.modules.values(), setup),
    perFile: new Map(),
    traced: traced(index, tracer),
  };
}

/** What entity imports read besides their own file, as of this analysis. */
function currentTraced(previous: Traced, index: FileIndex, tracer: ReExportTracer, retraced: ReadonlySet<string>): Traced {
  // Forgotten answers are reported only in the analysis that forgot them: if one was missed, start over.
  const missed = tracer.forgets !== previous.forgets + (retraced.size > 0 ? 1 : 0);
  if (previous.tracer !== tracer || missed) return traced(index, tracer);
  if (retraced.size === 0) return previous.retraced.size === 0 ? previous : { ...previous, retraced };
  // Export surfaces changed, so the names an entity may be imported under may have too.
  const next = traced(index, tracer);
  return next.entities?.signature === previous.entities?.signature ? { ...previous, retraced, forgets: tracer.forgets } : next;
}

function traced(index: FileIndex, tracer: ReExportTracer): Traced {
  return { tracer, entities: entityNames(index), retraced: new Set(), forgets: tracer.forgets };
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
    if (state.setup.drivers) {
      let found = state.drivers.get(entry.file);
      if (found?.entry !== entry) state.drivers.set(entry.file, (found = { entry, findings: driverImports(entry, state) }));
      for (const f of found.findings) drivers.push(f);
    }
    if (cached?.entry !== entry) perFile.set(entry.file, (cached = { entry, tables: tableAccesses(entry, state) }));
    for (const f of cached.tables) tables.push(f);
    if (!traced.entities) continue;
    if (cached.traced?.entities !== traced.entities || (traced.retraced.size > 0 && importsAny(entry, traced.retraced))) {
      cached.traced = traced;
      cached.entities = entityImports(entry, state, index);
    }
    for (const f of cached.entities!) entities.push(f);
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
