import * as fs from 'node:fs';

/** Size caps for workspace inputs other than source files (which have their own, in read-source). */
export const INPUT_LIMITS = {
  /** bulkhead.json, .gitignore, tsconfig.json, package.json, Prisma schemas. */
  config: 16 * 1024 * 1024,
  baseline: 256 * 1024 * 1024,
  cache: 1024 * 1024 * 1024,
} as const;

/**
 * Reads a workspace input only when it is a regular file no larger than `maxBytes`. An untrusted
 * repository can commit `bulkhead.json -> /dev/zero` (endless, exhausts memory) or
 * `-> /dev/stdin` (blocks forever): the file is opened non-blocking, checked with fstat on the
 * same descriptor (no swap between check and read), and never read past the cap.
 * Throws an error with code ENOTREG or EFBIG (or the system's, such as ENOENT) and a plain message.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw inputError('ENOTREG', 'not a regular file (a device, pipe or folder); only regular files are read');
    if (stat.size > maxBytes) throw inputError('EFBIG', `${mib(stat.size)} is larger than the ${mib(maxBytes)} limit`);
    // Read at most one byte past the cap: a file that grows while read is cut off, not followed.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = fs.readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > maxBytes) throw inputError('EFBIG', `it grew past the ${mib(maxBytes)} limit while being read`);
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

export function readRegularText(file: string, maxBytes: number): string {
  return readRegularFile(file, maxBytes).toString('utf8');
}

function inputError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 0)} MiB`;
}
