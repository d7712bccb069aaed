import * as assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/engine';
import { tempWorkspace } from '../support/temp-workspace';

/** A dependsOn naming a declared module whose path matches nothing here (a package outside this checkout). */
describe('dependsOn on a declared module without files', () => {
  it('is a warning, not a config error; a name no module declares stays an error', () => {
    const config = {
      modules: [
        { name: 'web', path: 'apps/web', dependsOn: ['ui', 'uii'] },
        { name: 'ui', path: 'packages/ui' },
      ],
    };
    const ws = tempWorkspace({ 'bulkhead.json': JSON.stringify(config), 'apps/web/main.ts': 'export const main = 1;\n' });
    try {
      const diagnostics = checkWorkspace({ root: ws.root }).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message.split(':')[0]}`);
      assert.deepEqual(diagnostics.sort(), [
        'error unknown-module: dependsOn of "web"',
        'warning empty-module-path: The path "packages/ui" of module "ui" matches no folder with source files.',
        'warning unknown-module: dependsOn of "web"',
      ]);
    } finally {
      ws.dispose();
    }
  });
});
