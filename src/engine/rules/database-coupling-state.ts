import type { FileIndex, IndexedFile, ReExportTracer } from '../analyze';
import { type DatabaseSetup, entityNames, type EntityNames, TableCatalog } from '../database';
import type { ModuleInfo } from '../map';
import type { Minimatch } from 'minimatch';
import { compileGlob } from '../glob';
import type { Finding, RuleContext } from './rule';

const NO_SETUP: DatabaseSetup = { allowedIn: [], sharedAccess: [], tableHolders: [], tableFunctions: [], prismaModels: [], tables: new Map(), diagnostics: [] };

type ModuleOf = (file: string) => ModuleInfo | undefined;

/** What the findings read from the config; lives as long as the rule state (one map and setup). */
export interface DatabaseConfig {
  setup: DatabaseSetup;
  moduleOf: ModuleOf;
  allowed: Minimatch[];
  /** Whether a file may touch every table (`database.sharedAccess`). */
  shared: (file: string) => boolean;
  /** The `tableHolders` glob a file matches within its module, if any. */
  holder: (file: string, module: ModuleInfo) => string | undefined;
}

export function databaseConfig({ map, database, state }: RuleContext): DatabaseConfig {
  if (state.databaseConfig) return state.databaseConfig;
  // The map answers moduleOf by walking folders; every part below asks it for the same files.
  const owners = new Map<string, ModuleInfo | undefined>();
  const moduleOf = (file: string): ModuleInfo | undefined => {
    if (!owners.has(file)) owners.set(file, map.moduleOf(file));
    return owners.get(file);
  };
  const setup = database ?? NO_SETUP;
  const shared = setup.sharedAccess.map((glob) => compileGlob(glob));
  const holders = setup.tableHolders.map((glob) => ({ glob, matcher: compileGlob(glob) }));
  const holder = (file: string, module: ModuleInfo): string | undefined => {
    for (const root of module.roots) {
      const inside = root === '' || root === '.' ? file : file.startsWith(`${root}/`) ? file.slice(root.length + 1) : undefined;
      if (inside === undefined) continue;
      const hit = holders.find((h) => h.matcher.match(inside));
      if (hit) return hit.glob;
    }
    return undefined;
  };
  return (state.databaseConfig = {
    setup, moduleOf,
    allowed: setup.allowedIn.map((glob) => compileGlob(glob)),
    shared: (file) => shared.some((glob) => glob.match(file)),
    holder,
  });
}

/**
 * What `database-coupling` keeps in the rule state between analyses, and when it is still valid.
 * Driver findings need none of it (they are per file); table findings read the catalog, rebuilt
 * only when a table declaration changes; entity findings also read the tracer's answers.
 */

/**
 * A file's table findings, valid while the file's entry is the same object; entity findings only
 * while `traced` is also the one they were found with.
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

/** The workspace part's memory between analyses (kept in the rule state). */
export interface DatabaseState extends DatabaseConfig {
  catalog: TableCatalog;
  declarations: Map<string, { entry: IndexedFile; signature: string }>;
  perFile: PerFile;
  traced: Traced;
}

/** The same catalog and entity names, with entity imports traced by `tracer` (for another index with the same declarations and re-exports). */
export function tracedWith(state: DatabaseState, tracer: ReExportTracer): DatabaseState {
  return { ...state, perFile: new Map(), traced: { ...state.traced, tracer } };
}

/** The last analysis's state brought up to date, or a new one when a table declaration changed. */
export function reusedState(context: RuleContext, tracer: ReExportTracer): DatabaseState {
  const known = context.state.database;
  const state = known && declarationsUnchanged(known, context.index) ? known : newState(context, tracer);
  state.traced = currentTraced(state.traced, context.index, tracer, context.retraced);
  return (context.state.database = state);
}

export function newState(context: RuleContext, tracer: ReExportTracer): DatabaseState {
  const { index } = context;
  const config = databaseConfig(context);
  const declarations = new Map<string, { entry: IndexedFile; signature: string }>();
  for (const entry of index.values()) declarations.set(entry.file, { entry, signature: declarationSignature(entry) });
  return {
    ...config, declarations,
    catalog: new TableCatalog(index, config.moduleOf, context.map.modules.values(), config.setup),
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

function declarationsUnchanged(state: DatabaseState, index: FileIndex): boolean {
  if (state.declarations.size !== index.size) return false;
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
