/**
 * Writes of V8 code caches that are due (see load-with-code-cache.ts), for a process that lives
 * long: the language server writes them after its first check instead of at exit, which an editor
 * that kills it on close never reaches, so that every start would compile TypeScript again.
 * Empty where no bundle registered one (tests and tsc-compiled code use the real ts-morph).
 */
const due: (() => void)[] = [];

export function registerCompileCacheWrite(write: () => void): void {
  due.push(write);
}

/** Runs the writes that are due, once each. */
export function writeCompileCaches(): void {
  for (const write of due.splice(0)) write();
}
