import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES } from '../support/fixtures';
import { openSession } from '../support/open-session';
import { tempWorkspace } from '../support/temp-workspace';

const CONFIG = JSON.stringify({ modules: [{ name: 'app', path: 'src', dependsOn: [] }] });

describe('jsconfig.json as a project config', () => {
  it('resolves its paths in explain, where the fixture used to say "unresolved"', () => {
    const session = openSession({ root: path.join(FIXTURES, 'resolve-jsconfig-paths') });
    assert.deepEqual(session.explain('src/pages/index.jsx')!.imports.map((i) => `${i.specifier} → ${i.resolution}`), [
      '@/components/Button → src/components/Button.jsx',
      '@/api/orders → src/api/orders.js',
      '@/api/internal/client → src/api/internal/client.js',
      '@/components/Badge → unresolved',
    ]);
  });

  it('comes after the tsconfig.json of the same folder, for the files that one includes; a change to it needs a full check', () => {
    const ws = tempWorkspace({
      'bulkhead.json': CONFIG,
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['src/ts/*'] } } }),
      'jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['src/js/*'] } } }),
      'src/main.ts': "import { a } from '~/a';\n",
      // Not included by the tsconfig.json (no allowJs): the jsconfig.json is its project.
      'src/legacy.js': "import { a } from '~/a';\n",
      'src/ts/a.ts': 'export const a = 1;\n',
      'src/js/a.js': 'export const a = 2;\n',
    });
    try {
      const session = openSession({ root: ws.root });
      assert.deepEqual(session.explain('src/main.ts')!.imports.map((i) => i.resolution), ['src/ts/a.ts']);
      assert.deepEqual(session.explain('src/legacy.js')!.imports.map((i) => i.resolution), ['src/js/a.js']);
      assert.equal(session.needsFullCheck(path.join(ws.root, 'jsconfig.json')), true);
      assert.equal(session.needsFullCheck(path.join(ws.root, 'src/jsconfig.json')), true);
    } finally {
      ws.dispose();
    }
  });

  it('applies to the JavaScript files below it, with its own folder as the base of paths', () => {
    const ws = tempWorkspace({
      'bulkhead.json': CONFIG,
      'src/web/jsconfig.json': JSON.stringify({ compilerOptions: { paths: { '#lib/*': ['./lib/*'] } } }),
      'src/web/app.js': "import { b } from '#lib/b';\nimport { c } from '#lib/missing';\n",
      'src/web/lib/b.js': 'export const b = 1;\n',
    });
    try {
      const session = openSession({ root: ws.root });
      assert.deepEqual(session.explain('src/web/app.js')!.imports.map((i) => i.resolution), ['src/web/lib/b.js', 'unresolved']);
      assert.deepEqual(session.result.violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}`), ['unresolved-import src/web/app.js:2']);
    } finally {
      ws.dispose();
    }
  });
});
