import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './fixtures';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `bulkhead` binary as a user would, in CI mode with no colours and no stdin. */
export function runCli(args: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/bulkhead.js'), ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Output without what changes from run to run (durations). */
export function stable(text: string): string {
  return text.replace(/\d+ ms\b/g, 'N ms');
}
