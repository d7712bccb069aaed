import * as assert from 'node:assert/strict';
import { runCli } from '../support/run-cli';
import { tempWorkspace } from '../support/temp-workspace';

/**
 * Issue 18 items 8 and 9: a ring of thousands of modules used to take a minute (shortest loop per
 * module) and could build a report past V8's string limit. Now one bounded finding, fast.
 */
describe('hostile workspace: a ring of 4,000 modules', function () {
  this.timeout(120_000);

  it('reports one cycle finding of bounded size, with the rest of the report', () => {
    const n = 4000;
    const files: Record<string, string> = {
      'bulkhead.json': JSON.stringify({ modules: [{ name: '<m>', path: 'src/<m>', dependsOn: ['*'] }] }),
    };
    for (let i = 0; i < n; i++) files[`src/m${i}/index.ts`] = `import { v${(i + 1) % n} } from '../m${(i + 1) % n}';\nexport const v${i} = () => v${(i + 1) % n};\n`;
    const ws = tempWorkspace(files);
    try {
      const run = runCli(['check', ws.root, '--format', 'json']);
      assert.equal(run.code, 1, run.stderr);
      const result = JSON.parse(run.stdout) as { violations: { rule: string; message: string; related?: unknown[] }[]; dependencies: { inCycle: boolean }[] };
      const cycles = result.violations.filter((v) => v.rule === 'cycle');
      assert.equal(cycles.length, 1);
      assert.ok(cycles[0].message.length < 4000, `message of ${cycles[0].message.length} characters`);
      assert.ok(cycles[0].message.includes('3988 more steps'), cycles[0].message.slice(0, 300));
      assert.ok((cycles[0].related?.length ?? 0) <= 12);
      assert.equal(result.dependencies.filter((d) => d.inCycle).length, n, 'every dependency of the ring is inCycle');
    } finally {
      ws.dispose();
    }
  });
});
