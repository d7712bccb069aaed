import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';

/** A tiny two-module workspace written to a temp folder. */
function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-fp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const CONFIG = JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] });

describe('fingerprints', () => {
  it('survive inserted lines and unrelated edits, and tell repeated violations apart', () => {
    const before = workspace({
      'bulkhead.json': CONFIG,
      'src/a/index.ts': "import { x } from '../b/internal';\nimport { y } from '../b/internal';\n",
      'src/b/internal.ts': 'export const x = 1, y = 2;\n',
      'src/b/index.ts': 'export {};\n',
    });
    const after = workspace({
      'bulkhead.json': CONFIG,
      'src/a/index.ts': "// a new comment\n\nexport const z = 3;\nimport { x } from '../b/internal';\nimport { y } from '../b/internal';\n",
      'src/b/internal.ts': 'export const x = 1, y = 2; // changed\n',
      'src/b/index.ts': 'export {};\n',
      'src/b/renamed-unrelated.ts': 'export const q = 1;\n',
    });
    try {
      const a = checkWorkspace({ root: before });
      const b = checkWorkspace({ root: after });
      assert.equal(a.violations.length, 4);
      assert.deepEqual(b.violations.map((v) => v.fingerprint), a.violations.map((v) => v.fingerprint));
      assert.notDeepEqual(b.violations.map((v) => v.range.start.line), a.violations.map((v) => v.range.start.line));
      assert.equal(new Set(a.violations.map((v) => v.fingerprint)).size, 4);
    } finally {
      fs.rmSync(before, { recursive: true, force: true });
      fs.rmSync(after, { recursive: true, force: true });
    }
  });
});
