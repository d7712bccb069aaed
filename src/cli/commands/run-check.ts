import * as path from 'node:path';
import { defaultCacheFile, openWorkspace, raiseOptimizerBudgetWhileIndexing, type CheckResult, type Session } from '../../engine';
import type { CliArgs } from '../args';
import { staysInsideWorkspace } from '../cache-location';
import { locateWorkspace } from '../locate-workspace';
import { progressLine } from '../progress';
import type { Terminal } from '../terminal';

/**
 * Runs one full check for the CLI, drawing progress when attached to a terminal. No session when the
 * config cannot be read (the result's diagnostics say why).
 */
export function runCheck(args: CliArgs, terminal: Terminal, cwd: string): { result: CheckResult; session?: Session; configFile: string } {
  const { root, configFile } = locateWorkspace(args.path, args.config, cwd);
  const progress = terminal.progress ? progressLine(process.stderr) : undefined;
  let cacheFile = typeof args.cache === 'string' ? path.resolve(cwd, args.cache) : args.cache ? defaultCacheFile(root) : undefined;
  if (args.cache === true && cacheFile && !staysInsideWorkspace(cacheFile, root)) {
    process.stderr.write(`bulkhead: warning: not using --cache: ${path.relative(root, cacheFile)} leads outside the workspace through a symbolic link (pass --cache-location to choose a file).\n`);
    cacheFile = undefined;
  }
  // A one-shot process: V8's flags are its own (see optimizer-budget.ts).
  raiseOptimizerBudgetWhileIndexing();
  try {
    const opened = openWorkspace({ root, configFile, onProgress: progress?.update, cacheFile });
    return { result: opened.result, session: opened.configured ? opened : undefined, configFile };
  } finally {
    progress?.clear();
  }
}
