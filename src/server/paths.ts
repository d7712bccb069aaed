import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Absolute path of a `file:` URI, or undefined for other schemes (untitled, git, ...). */
export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? path.resolve(fileURLToPath(uri)) : undefined;
}

export function pathToUri(absPath: string): string {
  return pathToFileURL(absPath).href;
}

/** Whether `file` is `folder` or inside it. */
export function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
