/**
 * The workspace as it was at a git ref, on disk: `git archive` of the workspace folder into a
 * temporary folder (only committed files, no checkout, the user's worktree and index untouched),
 * deleted again when the callback returns.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SinceRefError } from './since-ref-error';

export interface TreeAtRef {
  /** The workspace root inside the temporary copy. */
  root: string;
  /** The full commit id the ref names. */
  commit: string;
}

export function withTreeAt<T>(root: string, ref: string, use: (tree: TreeAtRef) => T): T {
  const git = gitRunner(ref);
  const { top, commit } = resolveCommit(root, ref);
  // The workspace's folder inside the repository ("" at its top), in git's own spelling.
  const prefix = git(root, ['rev-parse', '--show-prefix'], 'cannot place the workspace in its repository').trim().replace(/\/$/, '');
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-since-'));
  try {
    const tar = path.join(temp, 'tree.tar');
    git(top, ['archive', '--format=tar', '-o', tar, commit, ...(prefix === '' ? [] : ['--', prefix])], `the workspace folder ${prefix || '.'} is not in ${ref}`);
    const tree = path.join(temp, 'tree');
    fs.mkdirSync(tree);
    const untar = spawnSync('tar', ['-xf', tar, '-C', tree], { encoding: 'utf8' });
    if (untar.status !== 0) throw new SinceRefError(ref, `could not unpack the files of ${ref} (${(untar.stderr || untar.error?.message || 'tar failed').trim()})`);
    fs.rmSync(tar);
    const oldRoot = path.join(tree, ...prefix.split('/').filter((s) => s !== ''));
    // Installed packages are not in git: the copy resolves them (and workspace packages) from today's.
    const modules = path.join(root, 'node_modules');
    if (fs.existsSync(modules) && !fs.existsSync(path.join(oldRoot, 'node_modules'))) fs.symlinkSync(modules, path.join(oldRoot, 'node_modules'), 'junction');
    return use({ root: oldRoot, commit });
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** The repository top and the full commit id `ref` names, without touching any file (cheap). */
export function resolveCommit(root: string, ref: string): { top: string; commit: string } {
  // A ref is never an option: "--output=…" must not reach git as one.
  if (ref === '' || ref.startsWith('-')) throw new SinceRefError(ref, `needs a git ref (a commit, branch or tag), got "${ref}"`, 'not-a-ref');
  const git = gitRunner(ref);
  const top = git(root, ['rev-parse', '--show-toplevel'], `${root} is not inside a git repository (or git is not installed)`).trim();
  const commit = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], `no commit, branch or tag "${ref}" in ${top}`).trim();
  return { top, commit };
}

/** Runs git; a failure becomes a SinceRefError saying `what` went wrong, with git's first line. */
function gitRunner(ref: string): (cwd: string, args: string[], what: string) => string {
  return (cwd, args, what) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch (err) {
      const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
      throw new SinceRefError(ref, `${what}${stderr ? ` (${stderr.replace(/^fatal: /, '')})` : ''}`);
    }
  };
}
