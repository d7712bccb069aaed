/**
 * What the editor's views ask the server: the module graph of a folder, the import sites behind
 * one of its edges, and which module owns a file. Answered from the engine's last result and its
 * module map, so the extension host draws and never re-derives (nor receives) the whole result.
 */
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { CheckResult } from '../engine';
import { toEdgeSites } from '../protocol/graph-import-sites';
import type { EdgeSites } from '../protocol/graph-model';
import { toGraphModel } from '../protocol/graph-to-model';
import { packGraphModel, type WireGraphModel } from '../protocol/graph-wire';
import { edgeSitesRequest, graphRequest, moduleOfRequest, type FileOwner, type GraphAnswer, type GraphParams } from '../protocol/messages';
import type { WorkspaceEngines } from './workspace-engines';

/** One model per result: the panel asks after every check and again when it is re-shown. */
const models = new WeakMap<CheckResult, WireGraphModel>();

export function graphAnswer(engines: WorkspaceEngines, { folder, activeFile }: GraphParams): GraphAnswer | null {
  const engine = (folder !== undefined ? engines.get(folder) : undefined)
    ?? (activeFile !== undefined ? engines.forFile(activeFile) : undefined)
    ?? engines.all().find((e) => e.result);
  const result = engine?.result;
  if (!engine || !result) return null;
  let model = models.get(result);
  if (!model) models.set(result, (model = packGraphModel(toGraphModel(result, { title: path.basename(engine.folder) }))));
  const activeModule = activeFile !== undefined && engines.forFile(activeFile) === engine ? engine.moduleOf(activeFile) : undefined;
  return { folder: engine.folder, model, activeModule };
}

export function edgeSites(engines: WorkspaceEngines, { folder, from, to }: { folder: string; from: string; to: string }): EdgeSites {
  const engine = engines.get(folder);
  const result = engine?.result;
  return engine && result ? toEdgeSites(engine.importSites(from, to), result.violations, from, to) : { sites: [], total: 0 };
}

export function fileOwner(engines: WorkspaceEngines, file: string): FileOwner | null {
  const engine = engines.forFile(file);
  return engine ? { folder: engine.folder, module: engine.moduleOf(file) } : null;
}

/** `engines` is read per request: the server creates them only on `initialize`. */
export function registerViewRequests(connection: Connection, engines: () => WorkspaceEngines): void {
  connection.onRequest(graphRequest, (params) => graphAnswer(engines(), params));
  connection.onRequest(edgeSitesRequest, (params) => edgeSites(engines(), params));
  connection.onRequest(moduleOfRequest, ({ file }) => fileOwner(engines(), file));
}
