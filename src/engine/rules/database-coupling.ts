import { ReExportTracer, type FileIndex, type IndexedFile, importsAny, unlessOrderSensitive } from '../analyze';
import { isReference, type ImportFact, type TableDeclaration, type TableReference } from '../extract';
import type { EntityNames, TableCatalog, TableOwner } from '../database';
import type { ModuleInfo } from '../map';
import { databaseConfig, newState, reusedState, type DatabaseConfig, type DatabaseState } from './database-coupling-state';
import type { Finding, Rule } from './rule';

/**
 * Driver findings of a file depend only on its own entry, the map and the setup: they are the
 * per-file part. Table findings also depend on every file's table declarations (the catalog), and
 * entity imports on the tracer's answers, which the crossings report when they forget some
 * (`retraced`): the workspace part recomputes the edited files, plus the entity imports of files
 * that import a barrel whose re-exports changed; only a changed table declaration rebuilds the catalog.
 */
export const databaseCoupling: Rule = {
  id: 'database-coupling',
  fileFindings(entry, context) {
    const config = databaseConfig(context);
    return config.setup.drivers ? driverImports(entry, config) : [];
  },
  workspaceFindings(context) {
    return unlessOrderSensitive(
      context.tracer,
      (tracer) => collect(reusedState(context, tracer), context.index),
      () => {
        // Traced without the crossings' answers: a re-export cycle was cut, so the order matters.
        context.state.database = undefined;
        return collect(newState(context, new ReExportTracer(context.index)), context.index);
      },
    );
  },
};

/** Table findings, then entity imports, in the order a full pass finds them. */
function collect(state: DatabaseState, index: FileIndex): Finding[] {
  const tables: Finding[] = [];
  const entities: Finding[] = [];
  const { perFile, traced } = state;
  for (const entry of index.values()) {
    let cached = perFile.get(entry.file);
    if (cached?.entry !== entry) perFile.set(entry.file, (cached = { entry, tables: tableAccesses(entry, state) }));
    for (const f of cached.tables) tables.push(f);
    if (!readsImports(state)) continue;
    const stale = !cached.entities || cached.traced?.tracer !== traced.tracer || cached.traced.entities !== traced.entities;
    if (stale || (traced.retraced.size > 0 && importsAny(entry, traced.retraced))) {
      cached.traced = traced;
      cached.entities = entityImports(entry, state, index);
    }
    for (const f of cached.entities!) entities.push(f);
  }
  return tables.concat(entities);
}

/**
 * One file's part of the workspace findings (table accesses, then entity imports), as `collect`
 * finds them, for an analysis that looks at a few files only (check/analysis-delta.ts).
 */
export function databaseFindingsOf(entry: IndexedFile, state: DatabaseState, index: FileIndex): Finding[] {
  const tables = tableAccesses(entry, state);
  return readsImports(state) ? tables.concat(entityImports(entry, state, index)) : tables;
}

/** Whether imports can couple to tables: some file declares an entity, or `tableHolders` are set. */
function readsImports({ traced, setup }: DatabaseState): boolean {
  return traced.entities !== undefined || setup.tableHolders.length > 0;
}

/** Driver/ORM imports in files that `database.allowedIn` does not cover. */
function driverImports({ file, facts, resolutions }: IndexedFile, { setup, allowed, moduleOf }: DatabaseConfig): Finding[] {
  const drivers = setup.drivers;
  if (!drivers) return [];
  const findings: Finding[] = [];
  // Most files import no driver: the globs (minimatch) are asked only of those that do.
  let permitted: boolean | undefined;
  facts.imports.forEach((fact, i) => {
    const r = resolutions[i];
    const driver = drivers.match(fact.specifier, r?.kind === 'file' ? r.file : undefined);
    if (!driver) return;
    permitted ??= allowed.some((glob) => glob.match(file));
    if (permitted) return;
    const module = moduleOf(file);
    const who = module ? `Module "${module.name}"` : 'This file';
    findings.push({
      rule: 'database-coupling', file, range: fact.range, sourceModule: module?.name, specifier: fact.specifier,
      identity: `driver\u0001${driver}`,
      message: `${who} ${isReference(fact.kind) ? 'references' : fact.kind === 'module-augmentation' ? 'augments' : 'imports'} the database driver "${driver}" at ${file}:${fact.range.start.line}, outside the files database.allowedIn permits (${setup.allowedIn.join(', ')}). Move the data access behind a repository in an allowed folder.`,
    });
  });
  return findings;
}

/** SQL, Prisma, query-builder and model-name references to tables another module owns. */
function tableAccesses({ file, facts }: IndexedFile, { moduleOf, catalog, shared }: DatabaseState): Finding[] {
  const references = facts.database?.references;
  const module = references && references.length > 0 ? moduleOf(file) : undefined;
  if (!module || !references || shared(file)) return [];
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

/**
 * Imports of an entity, model or table object that another module declares, and of another
 * module's table holders (`database.tableHolders`), through barrels too.
 */
function entityImports(entry: IndexedFile, state: DatabaseState, index: FileIndex): Finding[] {
  const { file, facts, resolutions } = entry;
  const { moduleOf, shared } = state;
  const { entities } = state.traced;
  const module = moduleOf(file);
  if (!module || shared(file)) return [];
  // Without tableHolders no file holds tables, and the barrels need not be traced for them.
  const holders = state.setup.tableHolders.length > 0;
  const findings: Finding[] = [];
  facts.imports.forEach((fact, i) => {
    const r = resolutions[i];
    if (fact.typeOnly || fact.kind === 'export' || r?.kind !== 'file') return;
    const before = findings.length;
    if (entities) findings.push(...entityFindings(entry, fact, r.file, module, state, index, entities));
    if (!holders) return;
    const coupled = new Set(findings.slice(before).map((f) => f.targetModule));
    findings.push(...holderFindings(entry, fact, r.file, module, state).filter((f) => !coupled.has(f.targetModule)));
  });
  return findings;
}

/** The entity imports of one import: one finding per owning module, however many of its tables it brings in. */
function entityFindings(
  { file }: IndexedFile, fact: ImportFact, target: string, module: ModuleInfo,
  { moduleOf, catalog, traced: { tracer } }: DatabaseState, index: FileIndex, { bindings, standsFor }: EntityNames,
): Finding[] {
  const hits = new Map<ModuleInfo, { owner: TableOwner; tables: { name: string; d: TableDeclaration; at: string }[] }>();
  for (const { imported } of fact.names) {
    if (imported !== '*' && !bindings.has(imported)) continue;
    for (const origin of tracer.origins(target, imported)) {
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
  return [...hits.values()].map(({ owner, tables }) => {
    const [first] = tables;
    const more = tables.length > 1 ? ` and ${tables.length - 1} more table definition(s) (${tables.slice(1).map((t) => `"${t.d.table}"`).join(', ')})` : '';
    return {
      rule: 'database-coupling' as const, file, range: fact.range, sourceModule: module.name, targetModule: owner.module.name, specifier: fact.specifier,
      identity: `entity\u0001${tables.map((t) => t.d.table.toLowerCase()).sort().join(',')}`,
      message: `Module "${module.name}" imports "${first.name}", the ${first.d.orm} definition of table "${first.d.table}" of module "${owner.module.name}"${more}, at ${file}:${fact.range.start.line} (declared at ${first.at}). Only the owning module touches its tables; use its public API instead.`,
    };
  });
}

/**
 * Imports of another module's table holders (`database.tableHolders`): the imported file itself,
 * or, through its barrels, the file that declares an imported name. One finding per module.
 */
function holderFindings({ file }: IndexedFile, fact: ImportFact, target: string, module: ModuleInfo, { moduleOf, holder, traced: { tracer } }: DatabaseState): Finding[] {
  const hits = new Map<ModuleInfo, { name: string; at: string; glob: string }>();
  const consider = (origin: string, name: string): void => {
    const owner = moduleOf(origin);
    if (!owner || owner === module || hits.has(owner)) return;
    const glob = holder(origin, owner);
    if (glob) hits.set(owner, { name, at: origin, glob });
  };
  consider(target, fact.names.find((n) => n.imported !== '*')?.imported ?? fact.specifier);
  for (const { imported } of fact.names) {
    if (imported === '*') continue;
    for (const origin of tracer.origins(target, imported)) consider(origin.file, imported);
  }
  return [...hits].map(([owner, { name, at, glob }]) => ({
    rule: 'database-coupling' as const, file, range: fact.range, sourceModule: module.name, targetModule: owner.name, specifier: fact.specifier,
    identity: `holder\u0001${at}`,
    message: `Module "${module.name}" imports "${name}" from ${at}, a file that holds the tables of module "${owner.name}" (database.tableHolders: "${glob}"), at ${file}:${fact.range.start.line}. Only the owning module touches its tables; use its public API instead.`,
  }));
}

/** The owner to report when `module` is not among the owners, else undefined. */
function foreignOwner(owners: TableOwner[], module: ModuleInfo): TableOwner | undefined {
  if (owners.length === 0 || owners.some((o) => o.module === module)) return undefined;
  return owners[0];
}
