import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IndexedFile } from '../analyze';
import { factsDigest, fileStamp, type FactCache, type FileStamp, type RereadFile } from '../cache';
import { type ImportFact, MAX_SOURCE_BYTES, readSource, readSourceText } from '../extract';
import { toPosix, type InputDiagnostic, FILE_START } from '../model';
import type { ModuleResolver, Resolution } from '../resolve';
import { findIgnoreComments } from '../suppress';
import { VERSION } from '../version';

export interface IndexedOutcome {
  /** Absent when the file could not be read as source (binary, vanished, too large). */
  entry?: IndexedFile;
  diagnostics: InputDiagnostic[];
}

/**
 * Turns one file into its facts and resolved imports: from the persistent cache when the file is
 * unchanged, else by reading and parsing it (or from an unsaved buffer's text).
 */
export class FileIndexer {
  /** Set for the duration of a full check that uses the persistent cache. */
  cache?: FactCache;
  /** Whether facts include database facts (see WorkspaceSetup.databaseFacts). */
  database = true;
  /** The map's `database.tableFunctions`: calls whose argument names a table are facts too. */
  get tableFunctions(): readonly { call: string; argument: number }[] {
    return this.functions;
  }

  set tableFunctions(functions: readonly { call: string; argument: number }[]) {
    this.functions = functions;
    this.key = functions.length === 0 ? '' : JSON.stringify(functions);
  }

  private functions: readonly { call: string; argument: number }[] = [];
  /**
   * What the facts depend on besides the text: cached facts read with other functions do not
   * answer. Kept, not derived per file: every cache lookup and store asks for it.
   */
  private key = '';

  get extractionKey(): string {
    return this.key;
  }

  constructor(private readonly root: string, private readonly resolver: () => ModuleResolver) {}

  index(file: string, text?: string): IndexedOutcome {
    const abs = path.join(this.root, file);
    if (text === undefined && this.cache) {
      const cached = this.fromCache(file, abs, this.cache);
      if (cached) return cached;
    }
    const read = this.read(file, text, this.database);
    if (!read.data) return { diagnostics: read.diagnostics };
    const { facts, ignores } = read.data;
    const entry: IndexedFile = { file, facts, resolutions: this.resolveImports(abs, facts), ignores };
    if (this.cache && read.stat) this.cache.store(entry, read.stat, read.text, read.diagnostics, this.database, this.extractionKey);
    return { entry, diagnostics: read.diagnostics };
  }

  /**
   * A file read again with its digest as the cache compares it (see `factsDigest`): extracted,
   * never resolved. Undefined when it cannot be read as source.
   */
  reread(file: string, database: boolean): RereadFile | undefined {
    const read = this.read(file, undefined, database);
    return read.data ? { digest: factsDigest({ data: read.data, diagnostics: read.diagnostics }), text: read.text, data: read.data, diagnostics: read.diagnostics } : undefined;
  }

  /**
   * Resolutions for facts that changed since `previous` was resolved, in the same resolution
   * environment: an import with the same specifier, kind and mode resolves as it did, so only new
   * ones are asked (and TypeScript is loaded only for them).
   */
  resolveChanged(file: string, facts: IndexedFile['facts'], previous: Pick<IndexedFile, 'facts' | 'resolutions'>): Resolution[] {
    const known = new Map<string, Resolution>();
    previous.facts.imports.forEach((fact, i) => known.set(importKey(fact), previous.resolutions[i]));
    const abs = path.join(this.root, file);
    return facts.imports.map((fact) => known.get(importKey(fact)) ?? this.resolveImport(abs, fact));
  }

  /** Reads one file's facts, ignore comments and read notices (from `text` when given). */
  private read(file: string, text: string | undefined, database: boolean): {
    data?: Pick<IndexedFile, 'facts' | 'ignores'>;
    diagnostics: InputDiagnostic[];
    text: string;
    stat?: FileStamp;
  } {
    const abs = path.join(this.root, file);
    const read = text === undefined ? readSource(abs) : ({ ok: true, text, notUtf8: false } as const);
    if (!read.ok) return { diagnostics: [{ file, range: FILE_START, severity: 'warning', code: read.reason, message: read.message }], text: '' };
    const diagnostics: InputDiagnostic[] = [];
    if (read.notUtf8) diagnostics.push({ file, range: FILE_START, severity: 'info', code: 'not-utf8', message: 'not valid UTF-8; read as Latin-1' });
    if ('utf16' in read && read.utf16) diagnostics.push({ file, range: FILE_START, severity: 'info', code: 'utf-16', message: 'UTF-16 (byte-order mark); read as TypeScript reads it' });
    let facts: IndexedFile['facts'];
    try {
      // An unsaved buffer as large (item 11 of issue 18: a 50 MB buffer took 95 s) is read the same way.
      if ('large' in read ? read.large : read.text.length > MAX_SOURCE_BYTES) {
        // A generated or padded file: its imports still count, without the cost of a syntax tree.
        facts = factExtractor().importsOnlyFacts(read.text);
        diagnostics.push({
          file, range: FILE_START, severity: 'warning', code: 'large-file',
          message: `${(('size' in read ? read.size : read.text.length) / 1048576).toFixed(1)} MiB: larger than ${MAX_SOURCE_BYTES / 1048576} MiB, so only its import, export … from, import() and require() specifiers are checked`,
        });
      } else facts = factExtractor().extractFacts(abs, read.text, database, this.tableFunctions);
    } catch (error) {
      // TypeScript's parser recurses per nesting level; hostile or generated code can exhaust the stack.
      if (!(error instanceof RangeError)) throw error;
      facts = factExtractor().importsOnlyFacts(read.text);
      diagnostics.push({
        file, range: FILE_START, severity: 'warning', code: 'too-deeply-nested',
        message: 'nested too deeply for TypeScript\'s parser; only its import, export … from, import() and require() specifiers are checked',
      });
    }
    if (facts.syntaxError) {
      diagnostics.push({
        file, range: facts.syntaxError.range, severity: 'warning', code: 'syntax-error',
        message: `syntax error (${facts.syntaxError.message}); imports that could be parsed are still checked`,
      });
    }
    return { data: { facts, ignores: findIgnoreComments(read.text) }, diagnostics, text: read.text, stat: 'size' in read ? read : undefined };
  }

  resolveImports(abs: string, facts: IndexedFile['facts']): Resolution[] {
    return facts.imports.map((fact) => this.resolveImport(abs, fact));
  }

  private resolveImport(abs: string, fact: ImportFact): Resolution {
    const r = this.resolver().resolve(fact.specifier, abs, fact.kind, fact.mode);
    if (r.kind !== 'file') return r;
    // Resolved files are inside the root (see ModuleResolver): no need for path.relative.
    const inside = this.root + path.sep;
    return { kind: 'file' as const, file: toPosix(r.file.startsWith(inside) ? r.file.slice(inside.length) : path.relative(this.root, r.file)) };
  }

  /** An unchanged file's cached facts; its imports are resolved again if the environment changed. */
  private fromCache(file: string, abs: string, cache: FactCache): IndexedOutcome | undefined {
    const hit = cache.lookup(file, () => fileStamp(abs), () => readSourceText(abs), this.database, this.extractionKey);
    if (!hit) return undefined;
    const entry: IndexedFile = { file, ...hit.data };
    if (!cache.resolutionsValid) {
      entry.resolutions = this.resolveImports(abs, entry.facts);
      cache.updateResolutions(entry);
    }
    return { entry, diagnostics: hit.diagnostics };
  }
}

/** What an import's resolution depends on in one file: its specifier, kind and mode. */
function importKey({ specifier, kind, mode }: ImportFact): string {
  return `${kind}\0${mode ?? ''}\0${specifier}`;
}

/** Required on first use: parsing loads TypeScript, which a run answered from the cache never needs. */
function factExtractor(): typeof import('../extract/extract-facts') {
  return require('../extract/extract-facts') as typeof import('../extract/extract-facts');
}

/** What module resolution depends on besides the files' own text; a change re-resolves every import. */
export function resolutionEnvironment(root: string, configText: string, discovery: { files: string[]; packageJsons: string[]; tsconfigs: string[]; links: string[] }): string {
  const hash = createHash('sha1').update(VERSION).update('\0').update(configText).update('\0').update(discovery.files.join('\n'));
  // A link changes where imports through it lead (see ResolutionHost.workspaceRealPath), not the file list.
  hash.update(`\0${discovery.links.join('\n')}`);
  for (const rel of [...discovery.packageJsons, ...discovery.tsconfigs].sort()) {
    hash.update(`\0${rel}\0`);
    try {
      hash.update(fs.readFileSync(path.join(root, rel)));
    } catch {
      hash.update('(unreadable)');
    }
  }
  return hash.digest('hex');
}
