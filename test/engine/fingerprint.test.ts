import * as assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/engine';
import { tempWorkspace } from '../support/temp-workspace';

const CONFIG = JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] });

describe('fingerprints', () => {
  it('survive inserted lines and unrelated edits, and tell repeated violations apart', () => {
    const before = tempWorkspace({
      'bulkhead.json': CONFIG,
      'src/a/index.ts': "import { x } from '../b/internal';\nimport { y } from '../b/internal';\n",
      'src/b/internal.ts': 'export const x = 1, y = 2;\n',
      'src/b/index.ts': 'export {};\n',
    });
    const after = tempWorkspace({
      'bulkhead.json': CONFIG,
      'src/a/index.ts': "// a new comment\n\nexport const z = 3;\nimport { x } from '../b/internal';\nimport { y } from '../b/internal';\n",
      'src/b/internal.ts': 'export const x = 1, y = 2; // changed\n',
      'src/b/index.ts': 'export {};\n',
      'src/b/renamed-unrelated.ts': 'export const q = 1;\n',
    });
    try {
      const a = checkWorkspace({ root: before.root });
      const b = checkWorkspace({ root: after.root });
      assert.equal(a.violations.length, 4);
      assert.deepEqual(b.violations.map((v) => v.fingerprint), a.violations.map((v) => v.fingerprint));
      assert.notDeepEqual(b.violations.map((v) => v.range.start.line), a.violations.map((v) => v.range.start.line));
      assert.equal(new Set(a.violations.map((v) => v.fingerprint)).size, 4);
    } finally {
      before.dispose();
      after.dispose();
    }
  });
});
