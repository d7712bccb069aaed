/**
 * A worker thread that checks the tree at a git ref ("Changes since…"): as slow as a cold check
 * (11 s on medusa), which on the server's thread held every diagnostic, hover and code action
 * of the session behind it. One worker per request; it ends when it has answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resultAtRef, SinceRefError } from '../engine';
import type { OldTreeReply, OldTreeRequest } from './result-at-ref-off-thread';

const { root, ref, configFile, configText } = workerData as OldTreeRequest;
let reply: OldTreeReply;
try {
  reply = { ok: resultAtRef(root, ref, configFile, configText) };
} catch (err) {
  reply = err instanceof SinceRefError
    ? { sinceRefError: { ref: err.ref, detail: err.detail, kind: err.kind } }
    : { error: (err as Error)?.message ?? String(err) };
}
parentPort?.postMessage(reply);
