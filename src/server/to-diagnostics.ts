import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { CONFIG_DOC_URL, ruleDocUrl, type CheckResult, type Range, type Violation } from '../engine';
import type { BulkheadSettings } from '../protocol/settings';
import { pathToUri } from './paths';

export const SOURCE = 'bulkhead';

/** What a diagnostic carries back to the server when a code action is asked for. */
export interface DiagnosticData {
  fingerprint: string;
  rule: string;
}

/** The editor's diagnostics of one check, keyed by file URI (files without any are absent). */
export function toDiagnostics(result: Pick<CheckResult, 'root' | 'config' | 'violations' | 'diagnostics'>, settings: BulkheadSettings): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  const add = (file: string, d: Diagnostic) => {
    const uri = pathToUri(path.join(result.root, file === '.' ? result.config : file));
    const list = byUri.get(uri);
    if (list) list.push(d);
    else byUri.set(uri, [d]);
  };
  for (const v of result.violations) {
    const severity = violationSeverity(v, settings);
    if (severity !== undefined) add(v.file, violationDiagnostic(v, severity, result.root));
  }
  for (const d of result.diagnostics) {
    add(d.file, {
      range: toLspRange(d.range),
      severity: d.severity === 'error' ? DiagnosticSeverity.Error : d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: SOURCE,
      code: d.code,
      codeDescription: { href: CONFIG_DOC_URL },
      message: d.message,
    });
  }
  for (const [uri, list] of byUri) if (list.length > MAX_DIAGNOSTICS_PER_FILE) byUri.set(uri, capped(list));
  return byUri;
}

/**
 * Past this many in one file (a generated file importing every internal of a module, a pasted
 * 50 MB buffer), the editor's Problems view and squiggles slow to a crawl for no more insight.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 500;

/** The most severe first, then in file order, and one line saying how many were left out. */
function capped(list: Diagnostic[]): Diagnostic[] {
  const ordered = [...list].sort((a, b) => (a.severity ?? 4) - (b.severity ?? 4) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const shown = ordered.slice(0, MAX_DIAGNOSTICS_PER_FILE);
  shown.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'too-many-findings',
    message: `${list.length - MAX_DIAGNOSTICS_PER_FILE} more Bulkhead findings in this file are not shown (at most ${MAX_DIAGNOSTICS_PER_FILE} per file in the editor, the most severe first); \`bulkhead check\` lists them all.`,
  });
  return shown;
}

function violationDiagnostic(v: Violation, severity: DiagnosticSeverity, root: string): Diagnostic {
  const data: DiagnosticData = { fingerprint: v.fingerprint, rule: v.rule };
  return {
    range: toLspRange(v.range),
    severity,
    source: SOURCE,
    code: v.rule,
    codeDescription: { href: ruleDocUrl(v.rule) },
    message: v.message,
    relatedInformation: v.related?.map((r) => ({ location: { uri: pathToUri(path.join(root, r.file)), range: toLspRange(r.range) }, message: r.message })),
    data,
  };
}

function violationSeverity(v: Violation, settings: BulkheadSettings): DiagnosticSeverity | undefined {
  switch (settings.severityOverrides[v.rule]) {
    case 'off': return undefined;
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': return DiagnosticSeverity.Information;
    case 'hint': return DiagnosticSeverity.Hint;
    default: return v.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
  }
}

/** Engine ranges are 1-based; LSP's are 0-based. */
export function toLspRange(r: Range): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return {
    start: { line: Math.max(0, r.start.line - 1), character: Math.max(0, r.start.column - 1) },
    end: { line: Math.max(0, r.end.line - 1), character: Math.max(0, r.end.column - 1) },
  };
}
