/**
 * What "changes since…" compares with when the user has not said: where this branch left the
 * default branch (what a pull request shows), else the previous commit.
 */
import { execFileSync } from 'node:child_process';

export interface DefaultSinceRef {
  /** A ref git accepts: a commit id (the merge-base) or `HEAD~1`. */
  ref: string;
  /** Says what it is: "merge-base with origin/main", "previous commit". */
  label: string;
}

/** Undefined outside a repository, or on its first commit. */
export function defaultSinceRef(root: string): DefaultSinceRef | undefined {
  const git = (...args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const head = git('rev-parse', '--verify', '--quiet', 'HEAD^{commit}');
  if (head === undefined) return undefined;
  const remoteDefault = git('rev-parse', '--abbrev-ref', 'origin/HEAD');
  const base = [remoteDefault, 'origin/main', 'origin/master', 'main', 'master']
    .find((b) => b !== undefined && b !== 'origin/HEAD' && git('rev-parse', '--verify', '--quiet', `${b}^{commit}`) !== undefined);
  const mergeBase = base === undefined ? undefined : git('merge-base', 'HEAD', base);
  // On the default branch itself the merge-base is HEAD: nothing to review, so the last commit is.
  if (mergeBase !== undefined && mergeBase !== head) return { ref: mergeBase.slice(0, 12), label: `merge-base with ${base}` };
  return git('rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}') === undefined ? undefined : { ref: 'HEAD~1', label: 'previous commit' };
}
