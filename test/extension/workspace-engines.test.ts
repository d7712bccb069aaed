import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceEngines } from '../../src/server/workspace-engines';
import { tempWorkspace } from '../support/temp-workspace';

describe('server: one engine per workspace folder with a config', () => {
  const config = JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }] });

  it('creates engines only for folders with the config, routes files to the innermost, and follows config creation and deletion', () => {
    const ws = tempWorkspace({
      'outer/bulkhead.json': config,
      'outer/inner/bulkhead.json': config,
      'outer/inner/src/a/x.ts': 'export {};\n',
      'plain/src/y.ts': 'export {};\n',
    });
    try {
      const [outer, inner, plain] = ['outer', 'outer/inner', 'plain'].map((f) => path.join(ws.root, f));
      const engines = new WorkspaceEngines('bulkhead.json');
      const first = engines.sync([outer, inner, plain]);
      assert.deepEqual(first.added.map((e) => e.folder).sort(), [inner, outer].sort());
      assert.equal(engines.forFile(path.join(inner, 'src/a/x.ts'))?.folder, inner);
      assert.equal(engines.forFile(path.join(outer, 'other.ts'))?.folder, outer);
      assert.equal(engines.forFile(path.join(plain, 'src/y.ts')), undefined);

      fs.writeFileSync(path.join(plain, 'bulkhead.json'), config);
      fs.rmSync(path.join(inner, 'bulkhead.json'));
      const next = engines.sync();
      assert.deepEqual(next.added.map((e) => e.folder), [plain]);
      assert.deepEqual(next.removed, [inner]);
      assert.equal(engines.forFile(path.join(inner, 'src/a/x.ts'))?.folder, outer);
    } finally {
      ws.dispose();
    }
  });

  it('drops every engine when the config path setting changes, then finds the new files', () => {
    const ws = tempWorkspace({ 'bulkhead.json': config, 'arch/bulkhead.json': config });
    try {
      const engines = new WorkspaceEngines('bulkhead.json');
      engines.sync([ws.root]);
      const changed = engines.sync(undefined, 'arch/bulkhead.json');
      assert.deepEqual(changed.removed, [ws.root]);
      assert.deepEqual(changed.added.map((e) => e.configFile), [path.join(ws.root, 'arch/bulkhead.json')]);
    } finally {
      ws.dispose();
    }
  });
});
