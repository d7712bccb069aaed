import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, type CheckResult, type Session } from '../../src/engine';
import { openSession } from './open-session';
import { tempWorkspace } from './temp-workspace';

export interface LiveSession {
  session: Session;
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
    const session = openSession({ root: ws.root });
    run({
      session,
      first: session.result,
      edit(file, text) {
        fs.writeFileSync(path.join(ws.root, file), text);
        session.updateFile(path.join(ws.root, file), text);
      },
      fresh: () => checkWorkspace({ root: ws.root }),
    });
  } finally {
    ws.dispose();
  }
}
