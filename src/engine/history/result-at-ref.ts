/**
 * The workspace's check result at a git ref: the tree at that commit, checked by the same engine
 * with today's bulkhead.json text (so a diff shows what the code changed, and a ref from before the
 * map existed still has one). As slow as a cold check of the workspace: callers keep the answer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckResult } from '../model';
import { openWorkspace } from '../session';
import { withTreeAt } from './tree-at-ref';

export interface ResultAtRef {
  result: CheckResult;
  /** The full commit id the ref named. */
  commit: string;
}

/** `root` and `configFile` are today's (absolute); throws SinceRefError for a ref git does not know. */
export function resultAtRef(root: string, ref: string, configFile: string, configText: string): ResultAtRef {
  return withTreeAt(root, ref, (tree) => {
    const oldConfig = path.join(tree.root, path.relative(root, fs.realpathSync(configFile)));
    return { result: openWorkspace({ root: tree.root, configFile: oldConfig, configText }).result, commit: tree.commit };
  });
}
