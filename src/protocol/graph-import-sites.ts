/** Import sites of one module dependency, as the edge details show them: each with the rule it breaks. */
import type { ImportSite, Violation } from '../engine';
import type { EdgeSites, GraphImportSite } from './graph-model';

/** Enough to read through in a list; the count still says how many there are. */
export const SITES_PER_EDGE = 200;

export function toEdgeSites(sites: readonly ImportSite[], violations: readonly Violation[], from: string, to: string, limit = SITES_PER_EDGE): EdgeSites {
  const broken = new Map<string, Violation[]>();
  for (const v of violations) {
    if (v.sourceModule !== from || v.targetModule !== to) continue;
    const k = key(v.file, v.range.start.line, v.range.start.column);
    (broken.get(k) ?? broken.set(k, []).get(k)!).push(v);
  }
  const rows: GraphImportSite[] = sites.map((s) => {
    const vs = broken.get(key(s.file, s.range.start.line, s.range.start.column)) ?? [];
    const row: GraphImportSite = { file: s.file, line: s.range.start.line, column: s.range.start.column, specifier: s.specifier, typeOnly: s.typeOnly, viaReExport: s.viaReExport };
    if (vs.length > 0) {
      row.rules = [...new Set(vs.map((v) => v.rule))].sort();
      row.severity = vs.some((v) => v.severity === 'error') ? 'error' : 'warn';
    }
    return row;
  });
  // Violations first: they are why someone clicks a red edge.
  rows.sort((a, b) => Number(!a.rules) - Number(!b.rules) || a.file.localeCompare(b.file) || a.line - b.line);
  return { sites: rows.slice(0, limit), total: rows.length };
}

const key = (file: string, line: number, column: number): string => `${file}:${line}:${column}`;
