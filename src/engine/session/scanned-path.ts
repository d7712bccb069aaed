import * as fs from 'node:fs';
import * as path from 'node:path';
import { toPosix } from '../model';
import type { WorkspaceSetup } from './workspace-setup';

/** The workspace-relative path of a file the workspace scans, else undefined. */
export function scannedPathIn(setup: Pick<WorkspaceSetup, 'root' | 'isScanned'>, absFile: string): string | undefined {
  const rel = workspacePathIn(setup.root, absFile);
  return rel === undefined || !setup.isScanned(rel) ? undefined : rel;
}

/** Where a file is in the workspace, by its real path (the scan lists files there, as TypeScript knows them). */
export function workspacePathIn(root: string, absFile: string): string | undefined {
  const rel = toPosix(path.relative(root, realPath(path.resolve(absFile))));
  return rel.startsWith('../') || rel === '..' || path.isAbsolute(rel) ? undefined : rel;
}

function realPath(abs: string): string {
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}
