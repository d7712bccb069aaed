/**
 * A git ref the workspace cannot be compared with: not a ref at all, unknown to the repository,
 * or no repository. The CLI prints it as a usage error, the editor's graph panel next to the ref box.
 */
export class SinceRefError extends Error {
  constructor(
    readonly ref: string,
    /** What is wrong, without the ref in front: "no commit, branch or tag "x" in /repo". */
    readonly detail: string,
    /** `not-a-ref`: empty or option-like, refused before git is asked. */
    readonly kind: 'not-a-ref' | 'git' = 'git',
  ) {
    super(kind === 'not-a-ref' ? detail : `${ref}: ${detail}`);
  }
}
