/**
 * The module graph as the webview draws it: built once per check result by `toGraphModel`, sent
 * to the webview (or embedded in the HTML export) as plain JSON. Imports nothing, so the webview's
 * DOM-only tsconfig can compile it without the engine's Node types.
 */

/** How modules are clustered: by a `layer:` tag, a name prefix (`platform/files`), a tag or a folder. */
export type GroupKind = 'layer' | 'prefix' | 'tag' | 'folder';

export interface GraphGroup {
  id: string;
  label: string;
  kind: GroupKind;
  /** Left-to-right position: groups that others depend on come later. */
  order: number;
}

export interface GraphNode {
  /** The module name (unique). */
  id: string;
  group?: string;
  fileCount: number;
  roots: string[];
  tags: string[];
  /** The module's `dependsOn` selectors as declared in the map. */
  dependsOn: string[];
  /** Globs of the module's public API, relative to each root (absent in exports made before it was sent). */
  publicApi?: string[];
  /** Violating import sites in this module's files. */
  violations: number;
  inCycle: boolean;
}

export interface GraphEdge {
  /** `from` + NUL + `to`: unique, and module names cannot contain NUL. */
  id: string;
  from: string;
  to: string;
  /** Import sites behind the dependency; 0 for a declared dependency nobody uses. */
  imports: number;
  declared: boolean;
  violations: number;
  inCycle: boolean;
  /**
   * `bulkhead graph --since <ref>`: the dependency is new since the ref, or existed then and has
   * no imports now (such an edge has `imports: 0` and is drawn grey dashed with "−").
   */
  change?: 'added' | 'removed';
}

/** One import behind an edge, as the edge details list it. `file` is workspace-relative. */
export interface GraphImportSite {
  file: string;
  line: number;
  column: number;
  specifier: string;
  typeOnly: boolean;
  viaReExport: boolean;
  /** The rules this import violates (one import can be both internal and undeclared). */
  rules?: string[];
  /** The worst severity among them. */
  severity?: 'error' | 'warn';
}

/** Import sites of one edge; `total` is larger than `sites.length` when the list was capped. */
export interface EdgeSites {
  sites: GraphImportSite[];
  total: number;
  /** The HTML export left this edge's sites out (size or time budget on a large workspace). */
  omitted?: boolean;
}

export interface GraphModel {
  /** Shown in the title: the workspace folder's name. */
  title: string;
  groups: GraphGroup[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  summary: { modules: number; files: number; errors: number; warnings: number };
  /** Import sites per edge id, for the HTML export (the editor asks for them on demand). */
  sites?: Record<string, EdgeSites>;
  /** `bulkhead graph --since <ref>`: the ref and a one-line summary of what changed, for the status line. */
  since?: { ref: string; commit: string; summary: string };
  /** The dependency order of the matrix view (absent in models made before it: the view then keeps `nodes` order). */
  layering?: GraphLayering;
}

/**
 * Modules in layered order, computed where the model is built (it needs the engine's cycle
 * algorithms). Only dependencies with imports count; declared but unused ones do not order anything.
 */
export interface GraphLayering {
  /**
   * Every module, each after the modules it depends on: the strongly connected groups in
   * topological order, lowest level first, each group's modules adjacent and ordered so that only
   * the imports the cycle rule would cut point forward.
   */
  order: string[];
  /** Per module of `order`: its group's dependency level, 0 for a group that depends on no other. */
  level: number[];
  /** The strongly connected groups of two or more modules, as runs of `order`. */
  cycles: { start: number; size: number }[];
  /**
   * Edge ids of the dependencies the cycle rule's minimal cut would remove (Eades–Lin–Smyth on
   * import counts): removing them leaves no cycle. Absent in models made before the layers view.
   */
  cut?: string[];
}

export const edgeId = (from: string, to: string): string => `${from}\u0000${to}`;
