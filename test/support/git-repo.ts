import { execFileSync } from 'node:child_process';

/** Runs git in `root` as a fixed author (no user config needed on the machine), returning its trimmed output. */
export function gitIn(root: string): (...args: string[]) => string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  return (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env }).trim();
}
