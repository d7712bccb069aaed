/**
 * `--since <ref>`: today's check result against the same workspace at a git ref (see the engine's
 * history/ for how the old tree is checked). A ref git does not know is a usage error here.
 */
import * as fs from 'node:fs';
import { diffResults, resultAtRef, SinceRefError, type CheckResult, type GraphDiff } from '../../engine';
import { UsageError } from '../args';

export function diffSince(ref: string, today: CheckResult, configFile: string): GraphDiff {
  let configText: string;
  try {
    configText = fs.readFileSync(configFile, 'utf8');
  } catch (err) {
    throw new UsageError(`--since ${ref}: cannot read ${configFile} (${(err as Error).message}).`);
  }
  try {
    const before = resultAtRef(today.root, ref, configFile, configText);
    return diffResults(before.result, today, { ref, commit: before.commit });
  } catch (err) {
    if (err instanceof SinceRefError) throw new UsageError(err.kind === 'not-a-ref' ? `--since ${err.detail}.` : `--since ${err.ref}: ${err.detail}.`);
    throw err;
  }
}
