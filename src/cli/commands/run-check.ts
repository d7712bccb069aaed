import { WorkspaceSession, type CheckResult } from '../../engine';
import type { CliArgs } from '../args';
import { locateWorkspace } from '../locate-workspace';
import { progressLine } from '../progress';
import type { Terminal } from '../terminal';

/** Runs one full check for the CLI, drawing progress when attached to a terminal. */
export function runCheck(args: CliArgs, terminal: Terminal, cwd: string): CheckResult {
  const { root, configFile } = locateWorkspace(args.path, args.config, cwd);
  const progress = terminal.progress ? progressLine(process.stderr) : undefined;
  try {
    const result = new WorkspaceSession({ root, configFile, onProgress: progress?.update }).check();
    if (args.quiet) result.violations = result.violations.filter((v) => v.severity === 'error');
    return result;
  } finally {
    progress?.clear();
  }
}
