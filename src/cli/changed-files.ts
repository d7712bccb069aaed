import { execFileSync } from 'node:child_process';
import { UsageError } from './args';

/**
 * Files changed since a git ref: committed since the merge base with HEAD, staged, unstaged and
 * untracked — everything a pull request or a local branch would bring — relative to `root`.
 */
export function changedFilesSince(root: string, ref: string): Set<string> {
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    } catch (err) {
      const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
      throw new UsageError(`--changed-since ${ref}: git ${args[0]} failed${stderr ? `: ${stderr}` : ''}.`);
    }
  };
  const base = git('merge-base', ref, 'HEAD').trim();
  const changed = git('diff', '--name-only', '--relative', '-z', base).split('\0');
  const untracked = git('ls-files', '--others', '--exclude-standard', '-z').split('\0');
  return new Set([...changed, ...untracked].filter((f) => f !== ''));
}
