import * as path from 'node:path';
import { defaultCacheFile, openWorkspace, type CheckResult, type Session } from '../../engine';
import type { CliArgs } from '../args';
import { locateWorkspace } from '../locate-workspace';
import { progressLine } from '../progress';
import type { Terminal } from '../terminal';

/**
 * Runs one full check for the CLI, drawing progress when attached to a terminal. No session when the
 * config cannot be read (the result's diagnostics say why).
 */
export function runCheck(args: CliArgs, terminal: Terminal, cwd: string): { result: CheckResult; session?: Session } {
  const { root, configFile } = locateWorkspace(args.path, args.config, cwd);
  const progress = terminal.progress ? progressLine(process.stderr) : undefined;
  const cacheFile = typeof args.cache === 'string' ? path.resolve(cwd, args.cache) : args.cache ? defaultCacheFile(root) : undefined;
  try {
    const opened = openWorkspace({ root, configFile, onProgress: progress?.update, cacheFile });
    return { result: opened.result, session: opened.configured ? opened : undefined };
  } finally {
    progress?.clear();
  }
}
