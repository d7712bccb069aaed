import * as assert from 'node:assert/strict';
import { runCli } from '../support/run-cli';
import { tempWorkspace } from '../support/temp-workspace';

interface Result {
  violations: { rule: string; file: string; targetModule?: string }[];
}

const MAP = JSON.stringify({
  modules: [
    { name: 'a', path: 'src/a', dependsOn: ['b'] },
    { name: 'b', path: 'src/b' },
    { name: 'c', path: 'src/c' },
  ],
});

/** Issue 18 item 3: re-export chains that used to exhaust memory or the stack. */
describe('hostile workspace: re-export chains', function () {
  this.timeout(120_000);

  it('24 barrels that each re-export the same name twice: traced to the end in linear work', () => {
    const files: Record<string, string> = { 'bulkhead.json': MAP, 'src/b/index.ts': "export * from './l0';\n" };
    for (let i = 0; i < 24; i++) {
      const next = i === 23 ? '../c/x' : `./l${i + 1}`;
      files[`src/b/l${i}.ts`] = `export { x } from '${next}';\nexport { x } from '${next}';\n`;
    }
    files['src/c/x.ts'] = 'export const x = 1;\n';
    files['src/a/index.ts'] = "import { x } from '../b';\nexport const a = x;\n";
    const ws = tempWorkspace(files);
    try {
      const run = runCli(['check', ws.root, '--format', 'json']);
      assert.equal(run.code, 1, run.stderr);
      const found = (JSON.parse(run.stdout) as Result).violations.map((v) => `${v.rule} ${v.file} -> ${v.targetModule}`);
      // a depends on c through b's chain (laundering), and b's last barrel imports c undeclared.
      assert.ok(found.includes('undeclared-dependency src/a/index.ts -> c'), found.join('\n'));
    } finally {
      ws.dispose();
    }
  });

  it('a chain of 3,000 `export *` barrels: no stack overflow, the import counts as from the barrel', () => {
    const files: Record<string, string> = { 'bulkhead.json': MAP, 'src/b/index.ts': "export * from './l0';\n" };
    for (let i = 0; i < 3000; i++) files[`src/b/l${i}.ts`] = `export * from './l${i + 1}';\n`;
    files['src/b/l3000.ts'] = 'export const x = 1;\n';
    files['src/a/index.ts'] = "import { x } from '../b';\nexport const a = x;\n";
    const ws = tempWorkspace(files);
    try {
      const run = runCli(['check', ws.root, '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual((JSON.parse(run.stdout) as Result).violations, []);
    } finally {
      ws.dispose();
    }
  });
});
