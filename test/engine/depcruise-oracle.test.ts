import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession } from '../support/open-session';
import { assertAgreesWithOracle } from '../support/oracle-edges';
import { FIXTURES, fixturesWith, REPO_ROOT } from '../support/fixtures';

const DEPCRUISE = path.join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface CruiseOutput {
  modules: { source: string; dependencies: { resolved: string; couldNotResolve: boolean; coreModule: boolean; dependencyTypes: string[] }[] }[];
}

/** dependency-cruiser's resolved workspace-file edges for a fixture. */
function depcruiseEdges(root: string): string[] {
  const args = [DEPCRUISE, '--ts-pre-compilation-deps', '--no-config', '--output-type', 'json', '--exclude', 'node_modules'];
  if (fs.existsSync(path.join(root, 'tsconfig.json'))) args.push('--ts-config', 'tsconfig.json');
  args.push('.');
  const out = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const cruise = JSON.parse(out) as CruiseOutput;
  const edges = new Set<string>();
  for (const m of cruise.modules) {
    for (const d of m.dependencies) {
      const external = d.couldNotResolve || d.coreModule || d.dependencyTypes.some((t) => t.startsWith('npm') || t === 'unknown');
      if (!external && !d.resolved.includes('node_modules/')) edges.add(`${m.source} -> ${d.resolved}`);
    }
  }
  return [...edges];
}

/**
 * `depcruise-differences.txt`: `+ a -> b  # why` for an edge only Bulkhead finds (dependency-cruiser
 * gets it wrong), `- a -> b  # why` for one only dependency-cruiser reports.
 */
describe('dependency-cruiser 17.4.3 oracle: resolved edges agree except documented differences', function () {
  this.timeout(120_000);
  for (const name of fixturesWith('expected-edges.txt')) {
    it(name, () => {
      const root = path.join(FIXTURES, name);
      const session = openSession({ root });
      const ours = new Set(session.fileEdges().map((e) => `${e.from} -> ${e.to}`));
      assertAgreesWithOracle(ours, depcruiseEdges(root), path.join(root, 'depcruise-differences.txt'));
    });
  }
});
