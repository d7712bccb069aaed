import { ReExportTracer } from '../analyze/reexport-tracer';
import type { TableDeclaration, TableReference } from '../database/database-facts';
import type { DatabaseSetup } from '../database/database-setup';
import { Minimatch } from 'minimatch';
import { TableCatalog, type TableOwner } from '../database/table-catalog';
import type { ModuleInfo } from '../map/module-map';
import type { Finding, Rule, RuleContext } from './rule';

const NO_SETUP: DatabaseSetup = { allowedIn: [], prismaModels: [], tables: new Map(), diagnostics: [] };

export const databaseCoupling: Rule = {
  id: 'database-coupling',
  description: "A module reads or writes another module's tables, or imports a database driver outside `database.allowedIn`.",
  check(context) {
    const setup = context.database ?? NO_SETUP;
    // The map answers moduleOf by walking folders; every part below asks it for the same files.
    const owners = new Map<string, ModuleInfo | undefined>();
    const moduleOf = (file: string): ModuleInfo | undefined => {
      if (!owners.has(file)) owners.set(file, context.map.moduleOf(file));
      return owners.get(file);
    };
    const catalog = new TableCatalog(context.index, moduleOf, context.map.modules.values(), setup);
    return [...driverImports(context, moduleOf, setup), ...tableAccesses(context, moduleOf, catalog), ...entityImports(context, moduleOf, catalog)];
  },
};

type ModuleOf = (file: string) => ModuleInfo | undefined;

/** Driver/ORM imports in files that `database.allowedIn` does not cover. */
function driverImports({ index }: RuleContext, moduleOf: ModuleOf, setup: DatabaseSetup): Finding[] {
  const drivers = setup.drivers;
  if (!drivers) return [];
  const findings: Finding[] = [];
  const allowed = setup.allowedIn.map((glob) => new Minimatch(glob, { dot: true }));
  for (const { file, facts, resolutions } of index.values()) {
    if (allowed.some((glob) => glob.match(file))) continue;
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
  }
  return findings;
}

/** SQL, Prisma, query-builder and model-name references to tables another module owns. */
function tableAccesses({ index }: RuleContext, moduleOf: ModuleOf, catalog: TableCatalog): Finding[] {
  const findings: Finding[] = [];
  for (const { file, facts } of index.values()) {
    const module = moduleOf(file);
    const references = facts.database?.references;
    if (!module || !references) continue;
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
function entityImports({ index }: RuleContext, moduleOf: ModuleOf, catalog: TableCatalog): Finding[] {
  // Only names some file declares a table under can lead to one; most imports are skipped here.
  const bindings = new Set<string>();
  for (const entry of index.values()) for (const d of entry.facts.database?.declarations ?? []) for (const b of d.bindings) bindings.add(b);
  if (bindings.size === 0) return [];
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
  const standsFor = (binding: string, imported: string): boolean => binding === imported || !!originalNames.get(imported)?.has(binding);
  const tracer = new ReExportTracer(index);
  const findings: Finding[] = [];
  for (const { file, facts, resolutions } of index.values()) {
    const module = moduleOf(file);
    if (!module) continue;
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
  }
  return findings;
}

/** The owner to report when `module` is not among the owners, else undefined. */
function foreignOwner(owners: TableOwner[], module: ModuleInfo): TableOwner | undefined {
  if (owners.length === 0 || owners.some((o) => o.module === module)) return undefined;
  return owners[0];
}
