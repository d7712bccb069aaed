/**
 * What a check produces. `rules/schema/result.schema.json` describes the JSON form of
 * `CheckResult`; every reporter is a pure function of it.
 */
import type { RuleId } from './rule-ids';

export type Severity = 'error' | 'warn';

/** 1-based line and column, as editors and compilers print them. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in the workspace; `file` is relative to the workspace root with `/` separators. */
export interface Location {
  file: string;
  range: Range;
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface Violation extends Location {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** The module of the file that holds the offending code (absent for unowned files). */
  sourceModule?: string;
  /** The module the code reaches into. */
  targetModule?: string;
  /** The import specifier as written, when the violation is about an import. */
  specifier?: string;
  /** Stable identity that survives line moves and unrelated edits (for baselines). */
  fingerprint: string;
  related?: RelatedLocation[];
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** A problem with the input (config, tsconfig, unreadable source), not with the architecture. */
export interface InputDiagnostic extends Location {
  severity: DiagnosticSeverity;
  code: string;
  message: string;
}

export interface ModuleSummary {
  name: string;
  /** Module root folders, relative to the workspace root. */
  roots: string[];
  fileCount: number;
  tags: string[];
  dependsOn: string[];
  /** The module's public API: globs relative to each root (the map's `public`, or the index-file default). */
  public: string[];
}

export interface ModuleDependency {
  from: string;
  to: string;
  /** Number of import sites from `from` to `to`. */
  imports: number;
  /** Whether the map allows this dependency. */
  declared: boolean;
  /** Import sites that violate a rule. */
  violations: number;
  /** Whether this dependency is a step of a module cycle. */
  inCycle: boolean;
}

/** One import behind a module dependency. */
export interface ImportSite extends Location {
  specifier: string;
  typeOnly: boolean;
  /** The dependency exists because the imported file re-exports the other module's code. */
  viaReExport: boolean;
}

export interface UnresolvedImport extends Location {
  specifier: string;
}

export interface CheckSummary {
  files: number;
  modules: number;
  imports: number;
  errors: number;
  warnings: number;
  /** Violations silenced by `bulkhead-ignore` comments. */
  suppressed: number;
  durationMs: number;
}

/** Set when a check was compared with a baseline: `violations` then holds only new ones. */
export interface BaselineSummary {
  /** Baseline file, relative to root. */
  file: string;
  /** Violations the baseline accepts (not listed in `violations`). */
  known: number;
  /** Baseline entries no longer found. */
  fixed: { fingerprint: string; rule: string; file: string; sourceModule?: string; targetModule?: string; specifier?: string }[];
  /** Whether the fixed entries were removed from the file. */
  updated: boolean;
}

export interface CheckResult {
  version: 1;
  tool: { name: 'bulkhead'; version: string };
  /** Absolute workspace root. */
  root: string;
  /** Config file, relative to root. */
  config: string;
  summary: CheckSummary;
  violations: Violation[];
  diagnostics: InputDiagnostic[];
  modules: ModuleSummary[];
  dependencies: ModuleDependency[];
  unresolved: UnresolvedImport[];
  baseline?: BaselineSummary;
  /** Set by `--changed-since`: the git ref and how many changed files were considered. */
  changedSince?: { ref: string; files: number };
}
