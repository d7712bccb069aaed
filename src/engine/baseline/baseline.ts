import { writeFileAtomic, INPUT_LIMITS, readRegularText } from '../io';
import type { Violation } from '../model';

export const BASELINE_FILE_NAME = 'bulkhead-baseline.json';

/** One accepted violation, identified by its fingerprint; the rest is for humans reading diffs. */
export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  file: string;
  sourceModule?: string;
  targetModule?: string;
  specifier?: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export interface BaselineComparison {
  /** Violations not in the baseline: these fail the check. */
  fresh: Violation[];
  /** Violations the baseline accepts. */
  known: number;
  /** Baseline entries no longer found: fixed since the baseline was written. */
  fixed: BaselineEntry[];
}

export function baselineOf(violations: readonly Violation[]): Baseline {
  const entries = violations.map((v) => {
    const e: BaselineEntry = { fingerprint: v.fingerprint, rule: v.rule, file: v.file };
    if (v.sourceModule) e.sourceModule = v.sourceModule;
    if (v.targetModule) e.targetModule = v.targetModule;
    if (v.specifier) e.specifier = v.specifier;
    return e;
  });
  return { version: 1, entries: sortEntries(entries) };
}

export function compareWithBaseline(violations: readonly Violation[], baseline: Baseline): BaselineComparison {
  const accepted = new Set(baseline.entries.map((e) => e.fingerprint));
  const seen = new Set(violations.map((v) => v.fingerprint));
  const fresh = violations.filter((v) => !accepted.has(v.fingerprint));
  return { fresh, known: violations.length - fresh.length, fixed: baseline.entries.filter((e) => !seen.has(e.fingerprint)) };
}

/** The baseline without its fixed entries (a ratchet: it only ever shrinks). */
export function shrinkBaseline(baseline: Baseline, comparison: BaselineComparison): Baseline {
  const fixed = new Set(comparison.fixed.map((e) => e.fingerprint));
  return { version: 1, entries: baseline.entries.filter((e) => !fixed.has(e.fingerprint)) };
}

export class BaselineError extends Error {}

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readRegularText(file, INPUT_LIMITS.baseline);
  } catch (err) {
    throw new BaselineError((err as NodeJS.ErrnoException).code === 'ENOENT'
      ? `Baseline ${file} does not exist. Create it with "bulkhead baseline".`
      : `Cannot read baseline ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the content, which for a baseline symlinked to a file
    // outside the workspace would print that file's first characters into a CI log.
    throw new BaselineError(`${file}: not valid JSON. Recreate it with "bulkhead baseline".`);
  }
  const b = data as Partial<Baseline>;
  if (!b || b.version !== 1 || !Array.isArray(b.entries) || !b.entries.every((e) => e && typeof e.fingerprint === 'string' && typeof e.file === 'string')) {
    throw new BaselineError(`${file}: not a Bulkhead baseline (expected {"version": 1, "entries": [...]}). Recreate it with "bulkhead baseline".`);
  }
  return { version: 1, entries: b.entries };
}

/** Sorted, one entry per line group, so a baseline diff shows exactly what changed. */
export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileAtomic(file, `${JSON.stringify({ version: 1, entries: sortEntries(baseline.entries) }, null, 2)}\n`);
}

function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  const key = (e: BaselineEntry): string => `${e.file}\0${e.rule}\0${e.fingerprint}`;
  return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

