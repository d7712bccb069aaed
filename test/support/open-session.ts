import { openWorkspace, type Session, type SessionOptions } from '../../src/engine';

/** Opens a workspace whose config must be readable; fails the test with its diagnostics otherwise. */
export function openSession(options: SessionOptions): Session {
  const opened = openWorkspace(options);
  if (!opened.configured) throw new Error(`config not readable: ${opened.result.diagnostics.map((d) => d.message).join('; ')}`);
  return opened;
}
