import * as assert from 'node:assert/strict';
import { runCli } from '../support/run-cli';
import { tempWorkspace } from '../support/temp-workspace';

/** Issue 18 item 8: 1,000-deep brackets after `import(` overflowed TypeScript's parser and aborted the run. */
describe('hostile workspace: brackets nested thousands deep', () => {
  it('reads the file\'s imports without the parser, says so, and reports the rest', () => {
    const deep = `export const f = () => import(${'['.repeat(3000)}${']'.repeat(3000)});\nimport { x } from '../b/internal';\n`;
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
      'src/a/deep.ts': deep,
      'src/a/plain.ts': "import { x } from '../b/internal';\nexport const y = x;\n",
      'src/b/internal.ts': 'export const x = 1;\n',
    });
    try {
      const run = runCli(['check', ws.root, '--format', 'json']);
      assert.equal(run.code, 1, run.stderr);
      const result = JSON.parse(run.stdout) as { violations: { rule: string; file: string; range: { start: { line: number; column: number } } }[]; diagnostics: { code: string; file: string }[] };
      assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.file}`), ['too-deeply-nested src/a/deep.ts']);
      assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}:${v.range.start.column}`).sort(), [
        'internal-import src/a/deep.ts:2:19',
        'internal-import src/a/plain.ts:1:19',
        'undeclared-dependency src/a/deep.ts:2:19',
        'undeclared-dependency src/a/plain.ts:1:19',
      ]);
    } finally {
      ws.dispose();
    }
  });
});
