import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import {
  BASELINE_FILE_NAME, baselineOf, compareWithBaseline, defaultBaselineFile, readBaseline, shrinkBaseline, writeBaseline,
  type Baseline, type CheckResult,
} from '../engine';
import type { BaselineStatus, BaselineUpdate } from '../protocol/messages';
import type { BulkheadSettings } from '../protocol/settings';
import { pathToUri } from './paths';
import type { DiagnosticData } from './to-diagnostics';

export const KNOWN_SUFFIX = ' · known (baseline)';

/** A baseline file as last read, re-read when its size or mtime changes. */
interface LoadedBaseline {
  stamp: string;
  baseline?: Baseline;
  error?: string;
}

/** One folder's baseline applied to its last result. */
interface Applied {
  baseline: BaselineStatus;
  /** New violations by severity: what the status bar counts. */
  errors: number;
  warnings: number;
}

/**
 * `bulkhead-baseline.json` in the editor, read and matched exactly as `check --baseline` does (the
 * engine's location and fingerprint comparison): known violations become hints or disappear, new
 * ones keep their severity, and fixed entries can be dropped from the file.
 */
export class BaselineFilter {
  private readonly files = new Map<string, LoadedBaseline>();
  private readonly applied = new Map<string, Applied>();

  static isBaselineFile(absFile: string): boolean {
    return path.basename(absFile) === BASELINE_FILE_NAME;
  }

  /** The check's diagnostics (from toDiagnostics) with the folder's baseline applied. */
  apply(folder: string, result: CheckResult, diagnostics: Map<string, Diagnostic[]>, settings: BulkheadSettings): Map<string, Diagnostic[]> {
    this.applied.delete(folder);
    if (settings.baseline === 'ignore' || hasConfigErrors(result)) return diagnostics;
    const file = defaultBaselineFile(result.root, result.config);
    const loaded = this.load(file);
    if (loaded.error) {
      this.applied.set(folder, { baseline: { file, known: 0, fixed: 0, error: loaded.error }, ...counts(result.violations) });
      const onFile: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: 'bulkhead',
        code: 'baseline',
        message: `${loaded.error} Until then the editor shows every violation as new.`,
      };
      return new Map([...diagnostics, [pathToUri(file), [onFile]]]);
    }
    if (!loaded.baseline) return diagnostics;
    const comparison = compareWithBaseline(result.violations, loaded.baseline);
    const fresh = new Set(comparison.fresh.map((v) => v.fingerprint));
    const known = new Set(result.violations.filter((v) => !fresh.has(v.fingerprint)).map((v) => v.fingerprint));
    this.applied.set(folder, { baseline: { file, known: comparison.known, fixed: comparison.fixed.length }, ...counts(comparison.fresh) });
    const filtered = new Map<string, Diagnostic[]>();
    for (const [uri, list] of diagnostics) {
      const kept = list.flatMap((d) => {
        const fingerprint = (d.data as DiagnosticData | undefined)?.fingerprint;
        if (fingerprint === undefined || !known.has(fingerprint)) return [d];
        return settings.baseline === 'hide' ? [] : [{ ...d, severity: DiagnosticSeverity.Hint, message: `${d.message}${KNOWN_SUFFIX}` }];
      });
      if (kept.length > 0) filtered.set(uri, kept);
    }
    return filtered;
  }

  /** The folder's status fields the baseline changes (new-violation counts); undefined without a baseline in use. */
  status(folder: string): Applied | undefined {
    return this.applied.get(folder);
  }

  forget(folder: string): void {
    this.applied.delete(folder);
  }

  /**
   * Drops the fixed entries from the folder's baseline (a ratchet: never adds, as
   * `check --update-baseline`), or with `record` writes today's violations (as `bulkhead baseline`).
   * Atomic writes; the result must be a check of the files on disk.
   */
  update(folder: string, result: CheckResult, record: boolean): BaselineUpdate {
    const file = defaultBaselineFile(result.root, result.config);
    const skip = (skipped: string, entries = 0): BaselineUpdate => ({ folder, file, removed: 0, entries, written: false, skipped });
    if (hasConfigErrors(result)) return skip('bulkhead.json has errors; fix them first');
    if (record) {
      writeBaseline(file, baselineOf(result.violations));
      this.files.delete(file);
      return { folder, file, removed: 0, entries: result.violations.length, written: true };
    }
    const loaded = this.load(file);
    if (loaded.error) return skip(loaded.error);
    if (!loaded.baseline) return skip(`no ${BASELINE_FILE_NAME} yet`);
    const comparison = compareWithBaseline(result.violations, loaded.baseline);
    if (comparison.fixed.length === 0) return { folder, file, removed: 0, entries: loaded.baseline.entries.length, written: false };
    const shrunk = shrinkBaseline(loaded.baseline, comparison);
    writeBaseline(file, shrunk);
    this.files.delete(file);
    return { folder, file, removed: comparison.fixed.length, entries: shrunk.entries.length, written: true };
  }

  private load(file: string): LoadedBaseline {
    let stamp: string;
    try {
      const stat = fs.statSync(file);
      stamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      this.files.delete(file);
      return { stamp: 'missing' };
    }
    const cached = this.files.get(file);
    if (cached?.stamp === stamp) return cached;
    let loaded: LoadedBaseline;
    try {
      loaded = { stamp, baseline: readBaseline(file) };
    } catch (e) {
      loaded = { stamp, error: e instanceof Error ? e.message : String(e) };
    }
    this.files.set(file, loaded);
    return loaded;
  }
}

/** For the output channel: "812 known (baseline), 3 fixed — run "Bulkhead: Update Baseline"". */
export function baselineNote(applied: Applied | undefined): string | undefined {
  if (!applied) return undefined;
  const b = applied.baseline;
  if (b.error) return `baseline not used: ${b.error}`;
  return `${b.known} known (baseline)${b.fixed > 0 ? `, ${b.fixed} fixed — run "Bulkhead: Update Baseline" to remove them from ${path.basename(b.file)}` : ''}`;
}

function hasConfigErrors(result: CheckResult): boolean {
  return result.diagnostics.some((d) => d.severity === 'error');
}

function counts(violations: readonly { severity: string }[]): { errors: number; warnings: number } {
  return { errors: violations.filter((v) => v.severity === 'error').length, warnings: violations.filter((v) => v.severity === 'warn').length };
}
