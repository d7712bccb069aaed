import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { resultAtRef, SinceRefError, type ResultAtRef } from '../engine';

export interface OldTreeRequest {
  root: string;
  ref: string;
  configFile: string;
  configText: string;
}

export type OldTreeReply =
  | { ok: ResultAtRef }
  | { sinceRefError: { ref: string; detail: string; kind: 'not-a-ref' | 'git' } }
  | { error: string };

/** Next to this file: dist/ in the bundle, the compiled sources in tests. */
const WORKER_FILE = path.join(__dirname, 'result-at-ref-worker.js');

/**
 * `resultAtRef` in a worker thread, so the server keeps answering while the old tree is checked.
 * Where the worker file is missing (a host that bundled the server alone), it runs here as before.
 */
export function resultAtRefOffThread(request: OldTreeRequest): Promise<ResultAtRef> {
  if (!fs.existsSync(WORKER_FILE)) {
    return new Promise((resolve) => resolve(resultAtRef(request.root, request.ref, request.configFile, request.configText)));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: request });
    let settled = false;
    worker.once('message', (reply: OldTreeReply) => {
      settled = true;
      if ('ok' in reply) resolve(reply.ok);
      else if ('sinceRefError' in reply) reject(new SinceRefError(reply.sinceRefError.ref, reply.sinceRefError.detail, reply.sinceRefError.kind));
      else reject(new Error(reply.error));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the check of the old tree stopped (exit code ${code})`));
    });
  });
}
