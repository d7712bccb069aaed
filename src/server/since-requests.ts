/**
 * "Changes since…" in the graph panel: the folder's graph marked with what changed since a git
 * ref. Checking the tree at the ref costs a cold check, so it runs in a worker thread (the server
 * keeps publishing diagnostics meanwhile), and each folder keeps the result at the last commit
 * (and config text) asked about: after every re-check only the diff is redone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { defaultSinceRef, diffResults, resolveCommit, SinceRefError, type CheckResult } from '../engine';
import { markChanges } from '../protocol/graph-changes';
import { toGraphModel } from '../protocol/graph-to-model';
import { packGraphModel } from '../protocol/graph-wire';
import { graphSinceRequest, suggestedSinceRefRequest, type GraphSinceAnswer, type GraphSinceParams, type SuggestedSinceRef } from '../protocol/messages';
import { resultAtRefOffThread, type OldTreeRequest } from './result-at-ref-off-thread';
import type { WorkspaceEngines } from './workspace-engines';

interface CheckedRef {
  commit: string;
  configText: string;
  /** Pending while the worker checks the old tree; a second request for it waits on the same one. */
  result: Promise<CheckResult>;
}

/** Per folder: the result at the last commit asked about. */
const checkedRefs = new Map<string, CheckedRef>();

/** How the tree at a ref is checked: in a worker thread; tests may pass another way. */
export type OldTreeChecker = (request: OldTreeRequest) => Promise<{ result: CheckResult }>;

const NO_RESULT: GraphSinceAnswer = { error: 'No Bulkhead result for this folder yet: wait for the first check.' };

export async function graphSince(engines: WorkspaceEngines, { folder, ref: asked, activeFile }: GraphSinceParams, checkOldTree: OldTreeChecker = resultAtRefOffThread): Promise<GraphSinceAnswer> {
  const engine = engines.get(folder);
  if (!engine?.result) return NO_RESULT;
  const ref = asked.trim();
  try {
    const { commit } = resolveCommit(engine.root, ref);
    const configText = fs.readFileSync(engine.configFile, 'utf8');
    let before = checkedRefs.get(engine.folder);
    if (before?.commit !== commit || before.configText !== configText) {
      const pending = checkOldTree({ root: engine.root, ref, configFile: engine.configFile, configText }).then((r) => r.result);
      before = { commit, configText, result: pending };
      checkedRefs.set(engine.folder, before);
      // A failed check is not kept: asking again tries again.
      const failed = before;
      pending.catch(() => checkedRefs.get(engine.folder) === failed && checkedRefs.delete(engine.folder));
    }
    const old = await before.result;
    // Today's result as it is once the old tree is known: re-checks may have landed meanwhile.
    const today = engine.result;
    if (!today) return NO_RESULT;
    const model = toGraphModel(today, { title: path.basename(engine.folder) });
    markChanges(model, diffResults(old, today, { ref, commit }));
    const activeModule = activeFile !== undefined && engines.forFile(activeFile) === engine ? engine.moduleOf(activeFile) : undefined;
    return { answer: { folder: engine.folder, model: packGraphModel(model), activeModule } };
  } catch (err) {
    if (err instanceof SinceRefError) return { error: `${err.message}.` };
    return { error: `Bulkhead could not compare with ${asked}: ${(err as Error)?.message ?? String(err)}` };
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
