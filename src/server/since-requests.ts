/**
 * "Changes since…" in the graph panel: the folder's graph marked with what changed since a git
 * ref. Checking the tree at the ref costs a cold check, so each folder keeps the result at the
 * last commit (and config text) asked about: after every re-check only the diff is redone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { defaultSinceRef, diffResults, resolveCommit, resultAtRef, SinceRefError, type CheckResult } from '../engine';
import { markChanges } from '../protocol/graph-changes';
import { toGraphModel } from '../protocol/graph-to-model';
import { graphSinceRequest, suggestedSinceRefRequest, type GraphSinceAnswer, type GraphSinceParams, type SuggestedSinceRef } from '../protocol/messages';
import type { WorkspaceEngines } from './workspace-engines';

interface CheckedRef {
  commit: string;
  configText: string;
  result: CheckResult;
}

/** Per folder: the result at the last commit asked about. */
const checkedRefs = new Map<string, CheckedRef>();

export function graphSince(engines: WorkspaceEngines, { folder, ref, activeFile }: GraphSinceParams): GraphSinceAnswer {
  const engine = engines.get(folder);
  const today = engine?.result;
  if (!engine || !today) return { error: 'No Bulkhead result for this folder yet: wait for the first check.' };
  try {
    const { commit } = resolveCommit(engine.root, ref.trim());
    const configText = fs.readFileSync(engine.configFile, 'utf8');
    let before = checkedRefs.get(engine.folder);
    if (before?.commit !== commit || before.configText !== configText) {
      before = { ...resultAtRef(engine.root, ref.trim(), engine.configFile, configText), configText };
      checkedRefs.set(engine.folder, before);
    }
    const model = toGraphModel(today, { title: path.basename(engine.folder) });
    markChanges(model, diffResults(before.result, today, { ref: ref.trim(), commit }));
    const activeModule = activeFile !== undefined && engines.forFile(activeFile) === engine ? engine.moduleOf(activeFile) : undefined;
    return { answer: { folder: engine.folder, model, activeModule } };
  } catch (err) {
    if (err instanceof SinceRefError) return { error: `${err.message}.` };
    return { error: `Bulkhead could not compare with ${ref}: ${(err as Error)?.message ?? String(err)}` };
  }
}

export function suggestedSinceRef(engines: WorkspaceEngines, folder: string): SuggestedSinceRef | null {
  const engine = engines.get(folder);
  return (engine && defaultSinceRef(engine.root)) ?? null;
}

/** `engines` is read per request: the server creates them only on `initialize`. */
export function registerSinceRequests(connection: Connection, engines: () => WorkspaceEngines): void {
  connection.onRequest(graphSinceRequest, (params) => graphSince(engines(), params));
  connection.onRequest(suggestedSinceRefRequest, ({ folder }) => suggestedSinceRef(engines(), folder));
}
