import type { Minimatch } from 'minimatch';
import { compileGlob } from '../glob';
import { type ModuleInfo, compileModulePattern, fillPlaceholders } from '../map';
import { type DatabaseFacts, type TableDeclaration, prismaDelegate } from '../extract';
import type { DatabaseSetup } from './database-setup';
import type { PrismaModel } from './prisma-schema';

/** Who owns a table, and what says so (for messages). */
export interface TableOwner {
  module: ModuleInfo;
  /** `bulkhead.json` (a `tables` entry) or `file:line` of the ORM declaration. */
  evidence: string;
}

interface Declared {
  module: ModuleInfo;
  declaration: TableDeclaration;
  file: string;
}

/**
 * Table ownership for one check: `tables` of the module map first, then tables declared by ORM
 * code inside a module's folder. Names compare case-insensitively; a schema-qualified reference
 * (`billing.invoices`) also matches an unqualified entry (`invoices`).
 */
export class TableCatalog {
  private readonly configured: { module: ModuleInfo; pattern: Minimatch }[] = [];
  private readonly byTable = new Map<string, Declared[]>();
  private readonly byModel = new Map<string, Declared[]>();
  private readonly prismaByDelegate = new Map<string, PrismaModel>();
  private readonly prismaByTable = new Map<string, PrismaModel>();
  /**
   * Answers by name, for the catalog's lifetime: the same few tables are referenced from many
   * files, and matching every configured glob per reference dominated an analysis.
   */
  private readonly tableMemo = new Map<string, TableOwner[]>();
  private readonly modelMemo = new Map<string, TableOwner[]>();
  private readonly configMemo = new Map<string, TableOwner[] | undefined>();

  constructor(
    index: ReadonlyMap<string, { file: string; facts: { database?: DatabaseFacts } }>,
    moduleOf: (file: string) => ModuleInfo | undefined,
    modules: Iterable<ModuleInfo>,
    setup: DatabaseSetup,
  ) {
    for (const module of modules) {
      const declared = setup.tables.get(module.declarationIndex);
      if (!declared) continue;
      const values = compileModulePattern(declared.name).match(module.name) ?? {};
      for (const entry of declared.tables) {
        this.configured.push({ module, pattern: compileGlob(fillPlaceholders(entry, values).toLowerCase(), { nocase: true }, entry) });
      }
    }
    for (const { file, facts } of index.values()) {
      const module = facts.database?.declarations.length ? moduleOf(file) : undefined;
      if (!module) continue;
      for (const declaration of facts.database?.declarations ?? []) {
        for (const [map, name] of keysOf(declaration)) push(map === 'table' ? this.byTable : this.byModel, name, { module, declaration, file });
      }
    }
    for (const model of setup.prismaModels) {
      this.prismaByDelegate.set(prismaDelegate(model.model).toLowerCase(), model);
      this.prismaByTable.set(model.table.toLowerCase(), model);
      this.prismaByTable.set(lastSegment(model.table).toLowerCase(), model);
    }
  }

  /**
   * This catalog with the declarations of some files replaced (`module` undefined: the file is
   * outside every module, so none of its declarations count), for an editor's patch: a new
   * catalog reads every declaring file. `position` orders files as the index does, which decides
   * whose evidence an answer quotes first.
   */
  withFiles(changes: readonly { file: string; module: ModuleInfo | undefined; was: readonly TableDeclaration[]; now: readonly TableDeclaration[] }[], position: (file: string) => number): TableCatalog {
    // The same configuration and schema; the name maps copied, the answers by name forgotten.
    const next: TableCatalog = Object.assign(Object.create(TableCatalog.prototype), this, {
      byTable: new Map(this.byTable), byModel: new Map(this.byModel), tableMemo: new Map(), modelMemo: new Map(),
    });
    const by = (map: 'table' | 'model'): Map<string, Declared[]> => (map === 'table' ? next.byTable : next.byModel);
    for (const { file, module, was, now } of changes) {
      for (const [map, name] of was.flatMap(keysOf)) {
        const key = name.toLowerCase();
        const left = (by(map).get(key) ?? []).filter((d) => d.file !== file);
        if (left.length > 0) by(map).set(key, left);
        else by(map).delete(key);
      }
      if (!module) continue;
      const at = position(file);
      for (const declaration of now) {
        for (const [map, name] of keysOf(declaration)) {
          const key = name.toLowerCase();
          const list = [...(by(map).get(key) ?? [])];
          const after = list.findIndex((d) => position(d.file) > at);
          list.splice(after < 0 ? list.length : after, 0, { module, declaration, file });
          by(map).set(key, list);
        }
      }
    }
    return next;
  }

  /** Whether the workspace has a Prisma schema. */
  get hasPrismaSchema(): boolean {
    return this.prismaByDelegate.size > 0;
  }

  prismaModel(delegate: string): PrismaModel | undefined {
    return this.prismaByDelegate.get(delegate.toLowerCase());
  }

  /** Owners of a table named in SQL or a query builder. */
  ownersOfTable(name: string): TableOwner[] {
    let owners = this.tableMemo.get(name);
    if (!owners) this.tableMemo.set(name, (owners = this.computeOwnersOfTable(name)));
    return owners;
  }

  private computeOwnersOfTable(name: string): TableOwner[] {
    const names = lookupNames(name);
    // `tables` may list a Prisma model (`Invoice`) while raw SQL names its table (`invoices`).
    const model = this.prismaByTable.get(name.toLowerCase()) ?? this.prismaByTable.get(lastSegment(name).toLowerCase());
    if (model) names.push(model.model);
    return this.fromConfig(names) ?? this.declared(this.byTable, names.slice(0, 2));
  }

  /** Owners of an ORM model or entity named in code (`getRepository('Invoice')`), or of its table. */
  ownersOfModel(name: string): TableOwner[] {
    let owners = this.modelMemo.get(name);
    if (!owners) this.modelMemo.set(name, (owners = this.computeOwnersOfModel(name)));
    return owners;
  }

  private computeOwnersOfModel(name: string): TableOwner[] {
    return this.fromConfig([name]) ?? this.declared(this.byModel, [name]).concat(this.declared(this.byTable, [name]));
  }

  /** Owners of a declared table: config `tables` first, else the module whose folder declares it. */
  ownersOfDeclaration(declaration: TableDeclaration, declaringModule: ModuleInfo, file: string): TableOwner[] {
    const names = [declaration.table, lastSegment(declaration.table), ...(declaration.model ? [declaration.model] : [])];
    return this.fromConfig(names) ?? [{ module: declaringModule, evidence: `${file}:${declaration.range.start.line}` }];
  }

  /** Owners of a Prisma model, from config `tables` naming the model or its table. */
  ownersOfPrismaModel(model: PrismaModel | undefined, delegate: string): TableOwner[] {
    const names = model ? [model.model, model.table, lastSegment(model.table)] : [delegate];
    return this.fromConfig(names) ?? [];
  }

  private fromConfig(names: string[]): TableOwner[] | undefined {
    if (this.configured.length === 0) return undefined;
    const lowered = names.map((n) => n.toLowerCase());
    const key = lowered.join('\0');
    if (this.configMemo.has(key)) return this.configMemo.get(key);
    const owners = this.matchConfigured(lowered);
    this.configMemo.set(key, owners);
    return owners;
  }

  private matchConfigured(lowered: string[]): TableOwner[] | undefined {
    const owners = new Set<ModuleInfo>();
    for (const { module, pattern } of this.configured) {
      if (lowered.some((n) => pattern.match(n))) owners.add(module);
    }
    return owners.size > 0 ? [...owners].map((module) => ({ module, evidence: 'bulkhead.json' })) : undefined;
  }

  private declared(from: Map<string, Declared[]>, names: string[]): TableOwner[] {
    const seen = new Set<ModuleInfo>();
    const owners: TableOwner[] = [];
    for (const name of names) {
      for (const d of from.get(name.toLowerCase()) ?? []) {
        if (seen.has(d.module)) continue;
        seen.add(d.module);
        owners.push({ module: d.module, evidence: `${d.file}:${d.declaration.range.start.line}` });
      }
    }
    return owners;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const k = key.toLowerCase();
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

/** The names a declaration is found under (see keysOf): what a reference must name to read it. */
export function declarationNames(declaration: TableDeclaration): string[] {
  return keysOf(declaration).map(([, name]) => name);
}

/** The names a table named in SQL or a query builder is looked up under: as written, and its last segment (`billing.invoices` → `invoices`). */
export function lookupNames(name: string): string[] {
  return [name, lastSegment(name)];
}

/** The names a declaration is found under: its table (and the table's last segment), its model. */
function keysOf(declaration: TableDeclaration): ['table' | 'model', string][] {
  const keys: ['table' | 'model', string][] = [...new Set([declaration.table, lastSegment(declaration.table)])].map((n) => ['table', n]);
  if (declaration.model) keys.push(['model', declaration.model]);
  return keys;
}

export function lastSegment(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}
