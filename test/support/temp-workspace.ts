import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Writes a workspace of `files` (path -> text or bytes) to a fresh temp folder. */
export function tempWorkspace(files: Record<string, string | Buffer>): { root: string; dispose(): void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-ws-')));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return { root, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}
