/**
 * `--since <ref>`: today's check result against the same workspace at a git ref, checked by the
 * same engine with today's bulkhead.json (so the diff shows what the code changed, and a ref from
 * before the map existed still has one).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWorkspace, type CheckResult } from '../../engine';
import { UsageError } from '../args';
import { diffResults, type GraphDiff } from './graph-diff';
import { withTreeAt } from './tree-at-ref';

export function diffSince(ref: string, today: CheckResult, configFile: string): GraphDiff {
  let configText: string;
  try {
    configText = fs.readFileSync(configFile, 'utf8');
  } catch (err) {
    throw new UsageError(`--since ${ref}: cannot read ${configFile} (${(err as Error).message}).`);
  }
  return withTreeAt(today.root, ref, (tree) => {
    const oldConfig = path.join(tree.root, path.relative(today.root, fs.realpathSync(configFile)));
    const before = openWorkspace({ root: tree.root, configFile: oldConfig, configText }).result;
    return diffResults(before, today, { ref, commit: tree.commit });
  });
}
