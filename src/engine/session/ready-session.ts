import * as path from 'node:path';
import { incrementalCrossings, type DirectImports, type UnscannedTargets } from '../analyze';
import type { CacheStats } from '../cache';
import { type AnalysisState, explainFile, type Explanation } from '../check';
import { computeFixes, type Fix } from '../fixes';
import { modulePairKey, toPosix, type CheckResult, type ImportSite, type Violation } from '../model';
import { analyzeIndex } from './analyze-index';
import { patchedAnalysis, TablesMemo } from './patched-analysis';
import { needsFullCheck } from './session-options';
import { scannedPathIn, workspacePathIn } from './scanned-path';
import type { AnalysisKind, Session } from './session-types';
import type { WorkspaceIndex } from './workspace-index';
import type { WorkspaceSetup } from './workspace-setup';

/** A configured workspace after its opening check (see open-workspace.ts). */
export class ReadySession implements Session {
  readonly configured = true;
  readonly root: string;
  readonly configFile: string;
  /** The last analysis (the opening check's at first): what the next one patches. */
  private last: CheckResult;
  lastAnalysis?: AnalysisKind;
  private readonly tables = new TablesMemo();
  /** The module graph and unscanned targets of the last analysis when it was patched (a full analysis leaves its own in the state). */
  private graph?: { direct?: DirectImports; unscanned?: UnscannedTargets };
  constructor(
    private readonly setup: WorkspaceSetup,
    private readonly files: WorkspaceIndex,
    /** Kept between analyses: what the next one may reuse. */
    private readonly state: AnalysisState,
    readonly result: CheckResult,
    readonly cacheStats?: CacheStats,
  ) {
    this.root = setup.root;
    this.configFile = setup.configFile;
    this.last = result;
  }

  needsFullCheck(absFile: string): boolean {
    return needsFullCheck(this.setup, absFile);
  }

  scannedPath(absFile: string): string | undefined {
    return scannedPathIn(this.setup, absFile);
  }

  moduleOf(file: string): string | undefined {
    return this.files.map.moduleOf(file)?.name;
  }

  updateFile(absFile: string, text?: string): void {
    const file = this.scannedPath(absFile);
    if (file) this.files.update(file, text);
    else if (text === undefined) this.otherFileChanged(absFile);
    this.setup.resolution.trimCaches();
  }

  removeFile(absFile: string): void {
    const file = this.scannedPath(absFile);
    if (file) this.files.remove(file);
    else this.otherFileChanged(absFile);
  }

  /** A stylesheet, an image or another file the scan does not read appeared or went away. */
  private otherFileChanged(absFile: string): void {
    const rel = workspacePathIn(this.root, absFile);
    if (rel !== undefined) this.files.assetChanged(rel);
  }

  /** Patched from the last analysis when the edits allow it (see patchedAnalysis), else a full one. */
  analyze(): CheckResult {
    const started = performance.now();
    const changes = this.files.takeChanges();
    if (!changes.everything && changes.replaced.size > 0) {
      const patched = patchedAnalysis(this.setup, this.files, this.last, changes.replaced, started, this.tables, this.graph ?? { direct: this.state.direct, unscanned: this.state.unscanned });
      if ('result' in patched) {
        this.lastAnalysis = { patched: true, files: patched.affected };
        this.graph = { direct: patched.direct, unscanned: patched.unscanned };
        return (this.last = patched.result);
      }
      this.lastAnalysis = { patched: false, reason: patched.fallback };
    } else this.lastAnalysis = { patched: false, reason: changes.everything ? 'the file list, the map or every file changed' : 'nothing changed' };
    this.graph = undefined;
    this.tables.forget();
    return (this.last = analyzeIndex(this.setup, this.files, this.state, started));
  }

  dependentsOf(files: Iterable<string>): Set<string> {
    const importers = new Map<string, { file: string; reExports: boolean }[]>();
    for (const { file, facts, resolutions } of this.files.index.values()) {
      facts.imports.forEach((fact, i) => {
        const r = resolutions[i];
        if (r?.kind !== 'file') return;
        if (!importers.has(r.file)) importers.set(r.file, []);
        importers.get(r.file)!.push({ file, reExports: fact.kind === 'export' || facts.reExports.some((x) => x.importIndex === i) });
      });
    }
    const affected = new Set(files);
    // A deleted or renamed file leaves its importers with an unresolved import: a relative one that
    // names a changed path (without its extension) counts as importing it.
    const stems = new Set([...affected].map((f) => f.replace(/\.[^./]+$/, '').replace(/\/index$/, '')));
    for (const { file, facts, resolutions } of this.files.index.values()) {
      facts.imports.forEach((fact, i) => {
        if (resolutions[i]?.kind !== 'unresolved' || !fact.specifier.startsWith('.')) return;
        const target = path.posix.join(path.posix.dirname(file), fact.specifier).replace(/\.[^./]+$/, '').replace(/\/index$/, '');
        if (stems.has(target)) affected.add(file);
      });
    }
    // A barrel passes a change on to whoever imports through it; any other importer stops it.
    const queue = [...affected];
    for (let i = 0; i < queue.length; i++) {
      for (const { file, reExports } of importers.get(queue[i]) ?? []) {
        if (affected.has(file)) continue;
        affected.add(file);
        if (reExports) queue.push(file);
      }
    }
    return affected;
  }

  fileEdges(): { from: string; to: string; specifier: string; line: number }[] {
    const edges = [];
    for (const { file, facts, resolutions } of this.files.index.values()) {
      for (let i = 0; i < facts.imports.length; i++) {
        const r = resolutions[i];
        if (r.kind === 'file') edges.push({ from: file, to: r.file, specifier: facts.imports[i].specifier, line: facts.imports[i].range.start.line });
      }
    }
    return edges;
  }

  importSites(from: string, to: string): ImportSite[] {
    return this.allImportSites().get(modulePairKey(from, to)) ?? [];
  }

  /** In one pass over the crossings, which the last analysis left in the state. */
  allImportSites(): Map<string, ImportSite[]> {
    const sites = new Map<string, ImportSite[]>();
    for (const c of incrementalCrossings(this.files.index, this.files.map, this.state.crossings).crossings) {
      const key = modulePairKey(c.from.name, c.to.name);
      const list = sites.get(key) ?? [];
      list.push({ file: c.file, range: c.fact.range, specifier: c.fact.specifier, typeOnly: c.fact.typeOnly, viaReExport: !!c.reExport });
      sites.set(key, list);
    }
    return sites;
  }

  fixesFor(violation: Violation, readText: (absFile: string) => string | undefined): Fix[] {
    const { config, resolution } = this.setup;
    return computeFixes(violation, {
      index: this.files.index,
      map: this.files.map,
      configFile: this.setup.configName,
      declarationName: (i) => config.modules.find((d) => d.index === i)?.name,
      readText: (file) => readText(path.join(this.root, file)),
      resolve: (specifier, from) => {
        const r = resolution.resolver.resolve(specifier, path.join(this.root, from), 'import');
        return r.kind === 'file' ? toPosix(path.relative(this.root, r.file)) : undefined;
      },
    });
  }

  explain(file: string, specifier?: string): Explanation | undefined {
    return explainFile({ index: this.files.index, map: this.files.map, policy: this.setup.policy }, file, specifier);
  }
}

/** The real path of a file, or of its folder when the file is gone (a delete event). */
