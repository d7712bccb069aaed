import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileIndex, IndexedFile } from '../analyze';
import type { FactCache, RereadFile } from '../cache';
import { DriverMatcher, expandDrivers } from '../database';
import { FileIndexer } from './file-indexer';
import type { ModuleInfo, ModuleMap } from '../map';
import { publicEntriesOf } from '../rules';
import type { InputDiagnostic } from '../model';
import type { Resolution } from '../resolve';
import type { WorkspaceSetup } from './workspace-setup';
import { ReverseImports } from './reverse-imports';

/**
 * The session's files and their facts: the file list, the module map built for it, each file's
 * entry and read problems. Edits replace one entry; creating or deleting a file also rebuilds the
 * map and re-resolves the imports it may affect.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexedFile>();
  private readonly fileDiagnostics = new Map<string, InputDiagnostic[]>();
  /** After a check answered from the cache: the cache to build the entries from when something needs them. */
  private deferred?: FactCache;
  private readonly indexer: FileIndexer;
  private fileList: readonly string[];
  private moduleMap: ModuleMap;
  /** In `when-imported` mode, until a file imports one of these, facts leave database facts out. */
  private readonly drivers?: DriverMatcher;
  /** Entries replaced since the last `takeChanges`, with the entry each had before (undefined: none). */
  private replaced = new Map<string, IndexedFile | undefined>();
  /** Set when the file list, the map or every entry changed since the last `takeChanges`. */
  private everything = false;
  /** Files with re-exports or `export *`, and files declaring tables: where a patch looks (DeltaCandidates). */
  private readonly reExporting = new Set<string>();
  private readonly declaring = new Set<string>();
  /** Files referencing tables (SQL, query builders, model names, Prisma). */
  private readonly referring = new Set<string>();
  /** Who imports and who re-exports each file (see DeltaCandidates). */
  readonly reverse = new ReverseImports(() => this.entries.values());
  /** Each file's position in the index's order; dropped when a file gains or loses its entry. */
  private positions?: Map<string, number>;
  /** Each module's shortest public file among the entries, for this map; dropped with `positions`. */
  private publicMemo?: { map: ModuleMap; byModule: ReadonlyMap<ModuleInfo, string> };

  constructor(private readonly setup: WorkspaceSetup) {
    this.indexer = new FileIndexer(setup.root, () => setup.resolution.resolver);
    this.indexer.database = setup.databaseFacts === 'always';
    this.indexer.tableFunctions = setup.database.tableFunctions;
    if (setup.databaseFacts === 'when-imported') this.drivers = new DriverMatcher(expandDrivers(['preset:all']).drivers);
    this.fileList = setup.discovered;
    this.moduleMap = setup.buildMap(this.fileList);
  }

  /** Sorted workspace-relative paths; a new array whenever a file is created or deleted. */
  get files(): readonly string[] {
    return this.fileList;
  }

  /** A new map whenever a file is created or deleted. */
  get map(): ModuleMap {
    return this.moduleMap;
  }

  /** Every file's facts; after a check answered from the cache, built from it on first use. */
  get index(): FileIndex {
    const cache = this.deferred;
    if (cache) {
      this.deferred = undefined;
      // The same facts the stored result was computed from: not a change since that analysis.
      const everything = this.everything;
      this.indexAll(cache);
      this.everything = everything;
    }
    return this.entries;
  }

  /** Whether the facts hold database facts now (see WorkspaceSetup.databaseFacts). */
  get databaseFacts(): boolean {
    return this.indexer.database;
  }

  /** What the facts depend on besides the text (see FileIndexer.extractionKey). */
  get extractionKey(): string {
    return this.indexer.extractionKey;
  }

  /** A file read again, with its digest as the cache compares it (see FileIndexer.reread). */
  reread(file: string, database: boolean): RereadFile | undefined {
    return this.indexer.reread(file, database);
  }

  /** See FileIndexer.resolveChanged. */
  resolveChanged(file: string, facts: IndexedFile['facts'], previous: Pick<IndexedFile, 'facts' | 'resolutions'>): Resolution[] {
    return this.indexer.resolveChanged(file, facts, previous);
  }

  /** In file order (the file list is sorted), as a full read finds them, whatever order the files were updated in. */
  get diagnostics(): InputDiagnostic[] {
    return [...this.fileDiagnostics].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, d]) => d);
  }

  /** Reads every file (through the cache when given). */
  indexAll(cache?: FactCache): void {
    for (const _ of this.indexing(cache)) {
      // each step is one file read
    }
  }

  /** Reads every file (through the cache when given), one per step. */
  *indexing(cache?: FactCache): Generator<{ done: number; total: number }, void, void> {
    this.everything = true;
    this.indexer.cache = cache;
    try {
      const total = this.fileList.length;
      for (let i = 0; i < total; i++) {
        this.indexFile(this.fileList[i]);
        yield { done: i + 1, total };
      }
      if (this.needsDatabaseFacts([...this.entries.values()])) {
        // Rare (a workspace that uses an ORM but configures no database): read again, with them.
        if (cache) Object.assign(cache.stats, { hits: 0, misses: 0 });
        this.indexer.database = true;
        for (const file of this.fileList) {
          this.indexFile(file);
          yield { done: total, total };
        }
      }
    } finally {
      this.indexer.cache = undefined;
    }
  }

  /** One file read (from `text` when given) without changing the index: for findings told before the index is built. */
  readAside(file: string, text?: string): { entry?: IndexedFile; diagnostics: InputDiagnostic[] } {
    const cache = this.indexer.cache;
    this.indexer.cache = undefined; // the full read stores the file in the cache
    try {
      return this.indexer.index(file, text);
    } finally {
      this.indexer.cache = cache;
    }
  }

  /** The check was answered from `cache`: the entries are read from it when first needed. */
  defer(cache: FactCache): void {
    this.deferred = cache;
  }

  /** A scanned file's new text, or its content on disk (`text` undefined), a new file too. */
  update(file: string, text?: string): void {
    const index = this.index;
    if (text === undefined && !fs.existsSync(path.join(this.setup.root, file))) {
      this.remove(file);
      return;
    }
    const created = !index.has(file) && !this.fileList.includes(file);
    this.fileDiagnostics.delete(file);
    this.indexFile(file, text);
    const entry = this.entries.get(file);
    if (entry && this.needsDatabaseFacts([entry])) {
      this.everything = true;
      this.indexer.database = true;
      // Other files' unsaved text is not known here; their next edit brings it back.
      for (const other of this.entries.keys()) if (other !== file) this.indexFile(other);
      this.indexFile(file, text);
    }
    if (created) {
      this.fileList = [...this.fileList, file].sort();
      this.fileSetChanged(file, (r) => r.kind === 'unresolved');
    }
  }

  remove(file: string): void {
    void this.index; // builds a deferred index before the file list changes under it
    if (!this.fileList.includes(file)) return;
    this.fileList = this.fileList.filter((f) => f !== file);
    this.setEntry(file, undefined);
    this.fileDiagnostics.delete(file);
    this.fileSetChanged(file, (r) => r.kind === 'file' && r.file === file);
  }

  /**
   * A file the scan does not list (a stylesheet, an image) appeared or went away: the imports that
   * name it resolve again (see resolve/asset-resolution.ts). Saving one changes nothing: no import
   * names a file by its contents, so only a missing file's imports and those of a gone one are asked.
   */
  assetChanged(file: string): void {
    const abs = path.join(this.setup.root, file);
    const exists = fs.existsSync(abs);
    const name = path.posix.basename(file);
    const affected = [...this.index.values()].filter((entry) => entry.resolutions.some((r, i) =>
      exists ? r.kind === 'unresolved' && lastSegment(entry.facts.imports[i].specifier) === name : r.kind === 'file' && r.file === file));
    if (affected.length === 0) return;
    this.setup.resolution.fileSetChanged(abs);
    for (const entry of affected) {
      this.setEntry(entry.file, { ...entry, resolutions: this.indexer.resolveImports(path.join(this.setup.root, entry.file), entry.facts) });
    }
  }

  /** After a create or delete: module map, resolution caches and the imports it may affect. */
  private fileSetChanged(file: string, affected: (r: Resolution) => boolean): void {
    this.everything = true;
    this.setup.resolution.fileSetChanged(path.join(this.setup.root, file));
    this.moduleMap = this.setup.buildMap(this.fileList);
    // Only resolutions can change: keep each file's facts (and so any unsaved text they came from).
    for (const entry of this.entries.values()) {
      if (entry.file !== file && entry.resolutions.some(affected)) {
        this.setEntry(entry.file, { ...entry, resolutions: this.indexer.resolveImports(path.join(this.setup.root, entry.file), entry.facts) });
      }
    }
  }

  /** Whether database facts are still left out and one of these files imports a driver. */
  needsDatabaseFacts(entries: readonly IndexedFile[]): boolean {
    const drivers = this.drivers;
    if (!drivers || this.indexer.database) return false;
    return entries.some((entry) => entry.facts.imports.some((fact, i) => {
      const r = entry.resolutions[i];
      return drivers.match(fact.specifier, r?.kind === 'file' ? r.file : undefined) !== undefined;
    }));
  }

  /**
   * What changed since the previous call (the previous analysis): the replaced entries with what
   * each was before, or `everything` when the file list, the map or all entries changed.
   */
  takeChanges(): { everything: true } | { everything: false; replaced: ReadonlyMap<string, IndexedFile | undefined> } {
    const changes = this.everything ? { everything: true as const } : { everything: false as const, replaced: this.replaced };
    this.everything = false;
    this.replaced = new Map();
    return changes;
  }

  /** Files that may re-export (`export … from`, `export *`). */
  get reExporters(): readonly string[] {
    return [...this.reExporting];
  }

  /** Files that may declare tables. */
  get declarers(): readonly string[] {
    return [...this.declaring];
  }

  /** Files that may reference tables. */
  get referrers(): readonly string[] {
    return [...this.referring];
  }

  /** Some of the index's files in its order (see DeltaCandidates.inIndexOrder). */
  inIndexOrder(files: Iterable<string>): string[] {
    const positions = this.indexPositions();
    return [...new Set(files)].filter((f) => positions.has(f)).sort((a, b) => positions.get(a)! - positions.get(b)!);
  }

  /** A file's place in the index's order (files without an entry after every other). */
  positionOf(file: string): number {
    return this.indexPositions().get(file) ?? Number.MAX_SAFE_INTEGER;
  }

  private indexPositions(): ReadonlyMap<string, number> {
    if (!this.positions) this.positions = new Map([...this.entries.keys()].map((f, i) => [f, i]));
    return this.positions;
  }

  /** Each module's shortest public file among the readable files (what internal-import names). */
  get publicEntries(): ReadonlyMap<ModuleInfo, string> {
    if (this.publicMemo?.map !== this.moduleMap) this.publicMemo = { map: this.moduleMap, byModule: publicEntriesOf(this.entries.keys(), this.moduleMap) };
    return this.publicMemo.byModule;
  }

  private setEntry(file: string, entry: IndexedFile | undefined): void {
    if (!this.everything && !this.replaced.has(file)) this.replaced.set(file, this.entries.get(file));
    if (this.entries.has(file) !== !!entry) {
      this.positions = undefined;
      this.publicMemo = undefined;
    }
    this.reverse.replaced(file, this.entries.get(file), entry);
    if (entry) this.entries.set(file, entry);
    else this.entries.delete(file);
    if (reExports(entry)) this.reExporting.add(file);
    else this.reExporting.delete(file);
    if (declaresTables(entry)) this.declaring.add(file);
    else this.declaring.delete(file);
    if ((entry?.facts.database?.references.length ?? 0) > 0) this.referring.add(file);
    else this.referring.delete(file);
  }

  private indexFile(file: string, text?: string): void {
    const { entry, diagnostics } = this.indexer.index(file, text);
    this.setEntry(file, entry);
    if (diagnostics.length > 0) this.fileDiagnostics.set(file, diagnostics);
    else this.fileDiagnostics.delete(file);
  }
}

/** Whether a file has a re-export (`export … from`, `export *`). */
export function reExports(entry: IndexedFile | undefined): boolean {
  return !!entry && (entry.facts.reExports.length > 0 || entry.facts.starExports.length > 0);
}

/** Whether a file declares tables. */
export function declaresTables(entry: IndexedFile | undefined): boolean {
  return (entry?.facts.database?.declarations.length ?? 0) > 0;
}

/** The file name an asset import ends in: `../ui/logo.svg?url` → `logo.svg`. */
function lastSegment(specifier: string): string {
  const name = specifier.slice(specifier.lastIndexOf('/') + 1);
  const suffix = name.slice(1).search(/[?#]/);
  return suffix < 0 ? name : name.slice(0, suffix + 1);
}
