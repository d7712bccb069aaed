import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a file so that readers (and a crash at any moment) see the old content or the new
 * content, never a torn mix: write a sibling temp file, flush it, then rename over the target.
 * Given parts, the file holds them in order. `flush: false` skips the flush to the disk, for a
 * file whose readers verify it (a cache with checksums): a power cut before the data is on the
 * disk may then leave it empty or torn, which they reject, but a crash of the process cannot.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | ReadonlyArray<string | Uint8Array>, { flush = true } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeStaleTemps(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'w', existingMode(file));
    // Parts one after the other: a cache's megabytes of facts are not copied into one buffer first.
    for (const part of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) fs.writeFileSync(fd, part);
    if (flush) fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

function existingMode(file: string): number {
  try {
    return fs.statSync(file).mode & 0o777;
  } catch {
    return 0o644;
  }
}

/** A writer killed mid-write (kill -9, power loss) leaves its temp file; writers finish in seconds. */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/** Removes temp files of our own naming pattern for `file` that no live write can still own. */
function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+\.[0-9a-z]+\.tmp$/.test(name.slice(prefix.length))) continue;
    try {
      const stat = fs.lstatSync(path.join(dir, name));
      if (stat.isFile() && Date.now() - stat.mtimeMs > STALE_TEMP_MS) fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // Gone already, or not ours to remove: the write itself must not fail over it.
    }
  }
}
