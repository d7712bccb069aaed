/**
 * A part of a config that is computed (a function, a call, an import): never evaluated. Its own
 * file so that code that only inspects results does not load TypeScript (see static-literal.ts).
 */
export class Unreadable {
  constructor(
    readonly text: string,
    /** `file:line:col` of the expression. */
    readonly where: string,
  ) {}
}
