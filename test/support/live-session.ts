import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceSession, type CheckResult } from '../../src/engine';
import { tempWorkspace } from './temp-workspace';

export interface LiveSession {
  session: WorkspaceSession;
  /** The session's first full check. */
  first: CheckResult;
  /** Writes a file and gives the session its new text, as an editor saving a buffer would. */
  edit(file: string, text: string): void;
  /** A fresh session's full check of the workspace as it is on disk now. */
  fresh(): CheckResult;
}

/** A temp workspace of `files` with one checked session, for replaying edits against fresh checks. */
export function withLiveSession(files: Record<string, string>, run: (live: LiveSession) => void): void {
  const ws = tempWorkspace(files);
  try {
    const session = new WorkspaceSession({ root: ws.root });
    run({
      session,
      first: session.check(),
      edit(file, text) {
        fs.writeFileSync(path.join(ws.root, file), text);
        session.updateFile(path.join(ws.root, file), text);
      },
      fresh: () => new WorkspaceSession({ root: ws.root }).check(),
    });
  } finally {
    ws.dispose();
  }
}
