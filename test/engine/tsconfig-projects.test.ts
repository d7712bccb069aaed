import * as assert from 'node:assert/strict';
import { openSession } from '../support/open-session';
import { tempWorkspace } from '../support/temp-workspace';

describe('which tsconfig a file is resolved under', () => {
  it('the nearest that includes it, else the nearest above it (file lists read only where they decide)', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'all', path: '.', dependsOn: [] }] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', paths: { '@x/*': ['./lib-root/*'] } }, include: ['src/**/*', 'lib-root/*'] }),
      'src/inner/tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', paths: { '@x/*': ['../../lib-inner/*'] } }, exclude: ['legacy.ts'] }),
      'src/inner/a.ts': "import { u } from '@x/u';\n",
      // Excluded by the nearest tsconfig, included by the one above: that one's paths.
      'src/inner/legacy.ts': "import { u } from '@x/u';\n",
      // Included by none: the nearest above, the root one.
      'other/b.ts': "import { u } from '@x/u';\n",
      'lib-root/u.ts': 'export const u = 1;\n',
      'lib-inner/u.ts': 'export const u = 2;\n',
    });
    try {
      const session = openSession({ root: ws.root });
      assert.deepEqual(session.fileEdges().map((e) => `${e.from} -> ${e.to}`).sort(), [
        'other/b.ts -> lib-root/u.ts',
        'src/inner/a.ts -> lib-inner/u.ts',
        'src/inner/legacy.ts -> lib-root/u.ts',
      ]);
    } finally {
      ws.dispose();
    }
  });
});
