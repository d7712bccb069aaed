import { execFileSync } from 'node:child_process';

/** Runs git in `root` as a fixed author (no user config needed on the machine), returning its trimmed output. */
export function gitIn(root: string): (...args: string[]) => string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  return (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env }).trim();
}

/** `root` made a git repository on `main` with its files committed once ("start"); the runner for what follows. */
export function committedRepo(root: string): (...args: string[]) => string {
  const git = gitIn(root);
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'start');
  return git;
}
