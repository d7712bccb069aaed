import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { tempWorkspace } from '../support/temp-workspace';

/** `--config` outside the root: paths in bulkhead.json are relative to the config's folder (docs/config.md). */
describe('a config outside the workspace root', () => {
  const sources = {
    'ws/src/a/index.ts': "import { x } from '../b/internal';\nexport const a = x;\n",
    'ws/src/b/internal.ts': 'export const x = 1;\n',
  };

  it('resolves module paths, include/ignore and database globs from the config folder', () => {
    const config = {
      include: ['../ws/src/**'],
      ignore: ['../ws/src/**/*.spec.ts'],
      modules: [{ name: 'a', path: '../ws/src/a' }, { name: 'b', path: '../ws/src/b' }],
      database: { allowedIn: ['../ws/src/b/**'] },
    };
    const ws = tempWorkspace({ ...sources, 'ws/src/a/a.spec.ts': "import 'pg';\n", 'configs/bulkhead.json': JSON.stringify(config) });
    try {
      const result = checkWorkspace({ root: path.join(ws.root, 'ws'), configFile: path.join(ws.root, 'configs/bulkhead.json') });
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.file}`), ['internal-import src/a/index.ts', 'undeclared-dependency src/a/index.ts']);
      assert.equal(result.summary.files, 2, 'the spec file is ignored through the rebased glob');
    } finally {
      ws.dispose();
    }
  });

  it('says so when a path written relative to the root leads outside it', () => {
    const ws = tempWorkspace({ ...sources, 'configs/bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }] }) });
    try {
      const result = checkWorkspace({ root: path.join(ws.root, 'ws'), configFile: path.join(ws.root, 'configs/bulkhead.json') });
      const warning = result.diagnostics.find((d) => d.code === 'empty-module-path');
      assert.ok(warning?.message.includes('"../configs/src/a"') && warning.message.includes('relative to the config'), JSON.stringify(result.diagnostics));
    } finally {
      ws.dispose();
    }
  });
});
