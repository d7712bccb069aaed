import * as path from 'node:path';
import { defaultCacheFile, WorkspaceSession, type CheckResult } from '../../engine';
import type { CliArgs } from '../args';
import { locateWorkspace } from '../locate-workspace';
import { progressLine } from '../progress';
import type { Terminal } from '../terminal';

/** Runs one full check for the CLI, drawing progress when attached to a terminal. */
export function runCheck(args: CliArgs, terminal: Terminal, cwd: string): { result: CheckResult; session: WorkspaceSession } {
  const { root, configFile } = locateWorkspace(args.path, args.config, cwd);
  const progress = terminal.progress ? progressLine(process.stderr) : undefined;
  const cacheFile = typeof args.cache === 'string' ? path.resolve(cwd, args.cache) : args.cache ? defaultCacheFile(root) : undefined;
  try {
    const session = new WorkspaceSession({ root, configFile, onProgress: progress?.update, cacheFile });
    return { result: session.check(), session };
  } finally {
    progress?.clear();
  }
}
