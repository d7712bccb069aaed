/**
 * The graph model as it travels: what the language server sends the panel (through the extension
 * host, which passes it on untouched) and what the HTML export embeds. As objects, the edges were
 * 842 of the 948 kB sent for a 500-module map, and the import sites 829 kB of medusa's 1.52 MB
 * export: every edge and site repeated its field names, module names, file paths and specifiers.
 * Here edges and sites are runs of numbers into name tables, and the page unpacks them once.
 * Imports nothing but the model's types, so the webview's DOM tsconfig compiles it.
 */
import { edgeId, type EdgeSites, type GraphEdge, type GraphImportSite, type GraphModel } from './graph-model';

export const WIRE_FORMAT = 'bulkhead-graph/2';

export interface WireGraphModel extends Omit<GraphModel, 'edges' | 'sites'> {
  format: typeof WIRE_FORMAT;
  /** EDGE_FIELDS numbers per edge: from and to (indices into `nodes`), imports, violations, EdgeFlag bits. */
  edges: number[];
  sites?: WireSites;
}

/** Import sites of the edges that carry them (the HTML export), drawn from shared tables. */
export interface WireSites {
  files: string[];
  specifiers: string[];
  /** Each distinct set of rules a site breaks, sorted; the first is the empty set. */
  ruleSets: string[][];
  /** Per edge with sites: its index among the edges, how many sites it has, SITE_FIELDS numbers per site listed. */
  edges: { edge: number; total: number; omitted?: boolean; sites: number[] }[];
}

const EDGE_FIELDS = 5;
const enum EdgeFlag {
  Declared = 1,
  InCycle = 2,
  Added = 4,
  Removed = 8,
}

/** file, line, column, specifier, SiteFlag bits, rule set. */
const SITE_FIELDS = 6;
const enum SiteFlag {
  TypeOnly = 1,
  ViaReExport = 2,
  Error = 4,
  Warn = 8,
}

export function packGraphModel(model: GraphModel): WireGraphModel {
  const { edges, sites, ...rest } = model;
  const nodeIndex = new Map(model.nodes.map((n, i) => [n.id, i]));
  const edgeIndex = new Map<string, number>();
  const packedEdges: number[] = [];
  edges.forEach((e, i) => {
    const from = nodeIndex.get(e.from);
    const to = nodeIndex.get(e.to);
    if (from === undefined || to === undefined) throw new Error(`The graph edge ${e.from} → ${e.to} names a module the graph does not have.`);
    const flags = (e.declared ? EdgeFlag.Declared : 0) | (e.inCycle ? EdgeFlag.InCycle : 0) | (e.change === 'added' ? EdgeFlag.Added : 0) | (e.change === 'removed' ? EdgeFlag.Removed : 0);
    packedEdges.push(from, to, e.imports, e.violations, flags);
    edgeIndex.set(e.id, i);
  });
  const wire: WireGraphModel = { format: WIRE_FORMAT, ...rest, edges: packedEdges };
  if (sites) wire.sites = packSites(sites, edgeIndex);
  return wire;
}

function packSites(sites: Record<string, EdgeSites>, edgeIndex: ReadonlyMap<string, number>): WireSites {
  const files = new Table<string>((s) => s);
  const specifiers = new Table<string>((s) => s);
  const ruleSets = new Table<string[]>((r) => r.join('\u0000'));
  ruleSets.index([]);
  const edges: WireSites['edges'] = [];
  for (const [id, list] of Object.entries(sites)) {
    const edge = edgeIndex.get(id);
    if (edge === undefined) continue;
    const numbers: number[] = [];
    for (const s of list.sites) {
      const flags = (s.typeOnly ? SiteFlag.TypeOnly : 0) | (s.viaReExport ? SiteFlag.ViaReExport : 0) | (s.severity === 'error' ? SiteFlag.Error : s.severity === 'warn' ? SiteFlag.Warn : 0);
      numbers.push(files.index(s.file), s.line, s.column, specifiers.index(s.specifier), flags, ruleSets.index(s.rules ?? []));
    }
    edges.push({ edge, total: list.total, ...(list.omitted ? { omitted: true } : {}), sites: numbers });
  }
  return { files: files.values, specifiers: specifiers.values, ruleSets: ruleSets.values, edges };
}

/** Throws on a malformed model (an edited export): the page says so instead of drawing nonsense. */
export function unpackGraphModel(wire: WireGraphModel): GraphModel {
  if (wire?.format !== WIRE_FORMAT) throw new Error(`this is not a Bulkhead graph model of format ${WIRE_FORMAT}`);
  const { format: _format, edges: packed, sites: packedSites, ...rest } = wire;
  const nodes = wire.nodes;
  if (!Array.isArray(nodes) || !Array.isArray(packed) || packed.length % EDGE_FIELDS !== 0) throw new Error('the graph model has malformed nodes or edges');
  const name = (i: number): string => {
    const node = nodes[i];
    if (node === undefined) throw new Error(`an edge names module ${i} of ${nodes.length}`);
    return node.id;
  };
  const edges: GraphEdge[] = [];
  for (let i = 0; i < packed.length; i += EDGE_FIELDS) {
    const from = name(packed[i]);
    const to = name(packed[i + 1]);
    const flags = packed[i + 4];
    const edge: GraphEdge = { id: edgeId(from, to), from, to, imports: packed[i + 2], declared: (flags & EdgeFlag.Declared) !== 0, violations: packed[i + 3], inCycle: (flags & EdgeFlag.InCycle) !== 0 };
    if (flags & EdgeFlag.Added) edge.change = 'added';
    else if (flags & EdgeFlag.Removed) edge.change = 'removed';
    edges.push(edge);
  }
  const model: GraphModel = { ...rest, edges };
  if (packedSites) model.sites = unpackSites(packedSites, edges);
  return model;
}

function unpackSites(wire: WireSites, edges: readonly GraphEdge[]): Record<string, EdgeSites> {
  const at = <T>(table: readonly T[], i: number, what: string): T => {
    const value = table[i];
    if (value === undefined) throw new Error(`an import site names ${what} ${i} of ${table.length}`);
    return value;
  };
  const sites: Record<string, EdgeSites> = {};
  for (const entry of wire.edges) {
    const edge = at(edges, entry.edge, 'edge');
    if (entry.sites.length % SITE_FIELDS !== 0) throw new Error(`the import sites of ${edge.from} → ${edge.to} are malformed`);
    const rows: GraphImportSite[] = [];
    for (let i = 0; i < entry.sites.length; i += SITE_FIELDS) {
      const flags = entry.sites[i + 4];
      const row: GraphImportSite = {
        file: at(wire.files, entry.sites[i], 'file'),
        line: entry.sites[i + 1],
        column: entry.sites[i + 2],
        specifier: at(wire.specifiers, entry.sites[i + 3], 'specifier'),
        typeOnly: (flags & SiteFlag.TypeOnly) !== 0,
        viaReExport: (flags & SiteFlag.ViaReExport) !== 0,
      };
      const rules = at(wire.ruleSets, entry.sites[i + 5], 'rule set');
      if (rules.length > 0) row.rules = [...rules];
      if (flags & SiteFlag.Error) row.severity = 'error';
      else if (flags & SiteFlag.Warn) row.severity = 'warn';
      rows.push(row);
    }
    sites[edge.id] = { sites: rows, total: entry.total, ...(entry.omitted ? { omitted: true } : {}) };
  }
  return sites;
}

/** Values in first-seen order, each with its index. */
class Table<T> {
  readonly values: T[] = [];
  private readonly indices = new Map<string, number>();
  constructor(private readonly keyOf: (value: T) => string) {}

  index(value: T): number {
    const key = this.keyOf(value);
    let i = this.indices.get(key);
    if (i === undefined) {
      i = this.values.push(value) - 1;
      this.indices.set(key, i);
    }
    return i;
  }
}
