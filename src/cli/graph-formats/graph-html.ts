/**
 * `bulkhead graph --format html`: the editor's graph view as one self-contained file (CI artefacts,
 * people without VS Code). The bundled app and stylesheet are inlined under a nonce CSP, and the
 * model, with the import sites of each edge, is embedded as JSON data. No network access at all.
 */
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckResult, GraphDiff, ImportSite } from '../../engine';
import { markChanges } from '../../protocol/graph-changes';
import { toEdgeSites } from '../../protocol/graph-import-sites';
import type { EdgeSites } from '../../protocol/graph-model';
import { graphPageHtml, makeNonce } from '../../protocol/graph-page';
import { toGraphModel } from '../../protocol/graph-to-model';
import { packGraphModel } from '../../protocol/graph-wire';

/** Edges whose import sites are embedded: violating ones first, then the heaviest. */
export const MAX_EDGES_WITH_SITES = 400;
/**
 * Sites embedded per edge (the editor lists 200; the count still says how many there are). With
 * 400 edges of 100 sites, 100 modules stay within 1.5 MB: 1.51 MB at 200 per edge.
 */
export const EXPORT_SITES_PER_EDGE = 100;
/**
 * A guard for callers whose `importSites` is slow: the sites of the remaining edges are left out
 * after this long (they say so in the view). The CLI looks them up in one precomputed map.
 */
export const SITES_TIME_BUDGET_MS = 10_000;

export interface WebviewAssets {
  script: string;
  style: string;
  /**
   * ELK (dist/webview/elk.js), embedded deflated: the export's script leaves it out and unpacks it
   * when the graph is first laid out. Absent: `script` must bundle it (the panel's graph.js).
   */
  layoutEngine?: string;
}

/** The element the export's script unpacks ELK from (PACKED_ENGINE_ID in src/webview/layout-engine-packed.ts). */
const PACKED_ENGINE_ID = 'bulkhead-layout-engine';

export function graphHtml(
  result: CheckResult,
  importSites: (from: string, to: string) => ImportSite[],
  assets: WebviewAssets = readWebviewAssets(),
  budgetMs = SITES_TIME_BUDGET_MS,
  diff?: GraphDiff,
): string {
  const model = toGraphModel(result);
  if (diff) markChanges(model, diff);
  const sites: Record<string, EdgeSites> = {};
  const withSites = model.edges
    .filter((e) => e.imports > 0)
    .sort((a, b) => b.violations - a.violations || b.imports - a.imports || a.id.localeCompare(b.id))
    .slice(0, MAX_EDGES_WITH_SITES);
  const started = performance.now();
  for (const e of withSites) {
    if (performance.now() - started > budgetMs) break;
    sites[e.id] = toEdgeSites(importSites(e.from, e.to), result.violations, e.from, e.to, EXPORT_SITES_PER_EDGE);
  }
  model.sites = sites;
  const nonce = makeNonce((n) => randomBytes(n));
  // img-src data: for the PNG export (the SVG is drawn into a canvas through a data: image).
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data: blob:`;
  return graphPageHtml({
    csp,
    nonce,
    title: `${model.title} — Bulkhead module graph`,
    style: { inline: assets.style },
    script: { inline: assets.script },
    dataJson: JSON.stringify(packGraphModel(model)),
    packedScript: assets.layoutEngine === undefined ? undefined : { id: PACKED_ENGINE_ID, base64: packedBase64(assets.layoutEngine) },
    bodyClass: 'standalone',
  });
}

/** Deflated once per process: the same 1.5 MB for every export (about 0.2 s at level 9). */
let packed: { source: string; base64: string } | undefined;
function packedBase64(source: string): string {
  if (packed?.source !== source) packed = { source, base64: deflateRawSync(source, { level: 9 }).toString('base64') };
  return packed.base64;
}

/** The export's bundles next to the CLI bundle (dist/webview/, built by scripts/build.mjs). */
export function readWebviewAssets(dir = path.join(__dirname, 'webview')): WebviewAssets {
  try {
    const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
    return { script: read('graph-export.js'), style: read('graph.css'), layoutEngine: read('elk.js') };
  } catch {
    throw new Error(`The graph view bundle is missing from ${dir}; run "npm run build" first.`);
  }
}
