import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { openSession } from '../support/open-session';
import { tempWorkspace } from '../support/temp-workspace';
import { nameResolutionKey, relativeResolutionKey } from '../../src/engine/resolve/location-independent-key';

describe('resolution keys shared across folders', () => {
  const bundler: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler };

  it('gives two relative specifiers naming the same path the same key', () => {
    const fromApp = relativeResolutionKey('../domain/order', '/ws/src/orders/application/service.ts', bundler, undefined);
    const fromApi = relativeResolutionKey('./domain/order', '/ws/src/orders/index.ts', bundler, undefined);
    assert.ok(fromApp);
    assert.equal(fromApp, fromApi);
  });

  it('keeps the resolution mode apart (require and import may resolve differently)', () => {
    const cjs = relativeResolutionKey('./x', '/ws/a.ts', bundler, ts.ModuleKind.CommonJS);
    const esm = relativeResolutionKey('./x', '/ws/a.ts', bundler, ts.ModuleKind.ESNext);
    assert.notEqual(cjs, esm);
  });

  it('does not share where the folder or the exact spelling matters', () => {
    assert.equal(relativeResolutionKey('./x', '/ws/a.ts', { ...bundler, rootDirs: ['/ws/src', '/ws/gen'] }, undefined), undefined);
    assert.equal(relativeResolutionKey('./x/', '/ws/a.ts', bundler, undefined), undefined);
    assert.equal(relativeResolutionKey('.', '/ws/a.ts', bundler, undefined), undefined);
    assert.equal(relativeResolutionKey('../..', '/ws/a/b/c.ts', bundler, undefined), undefined);
    assert.equal(relativeResolutionKey('lodash', '/ws/a.ts', bundler, undefined), undefined);
  });

  it('shares names only under resolution kinds that do not search every folder above the importer', () => {
    assert.ok(nameResolutionKey('@app/orders', '/ws', '/ws\n', bundler, undefined));
    assert.equal(nameResolutionKey('@app/orders', '/ws', '/ws\n', { moduleResolution: ts.ModuleResolutionKind.Classic }, undefined), undefined);
    assert.equal(nameResolutionKey('@app/orders', '/ws', '/ws\n', {}, undefined), undefined);
  });

  it('keeps package scopes apart, since self-names and #imports read the nearest package.json', () => {
    assert.notEqual(nameResolutionKey('#internal', '/ws/packages/a', '', bundler, undefined), nameResolutionKey('#internal', '/ws/packages/b', '', bundler, undefined));
  });

  it('keeps folders with other node_modules folders above them apart', () => {
    assert.notEqual(nameResolutionKey('lodash', '/ws', '/ws/packages/b\n/ws\n', bundler, undefined), nameResolutionKey('lodash', '/ws', '/ws\n', bundler, undefined));
  });
});

describe('shared resolutions give the answer TypeScript gives from each folder', () => {
  it('resolves the same #import and alias per package, and a relative path from sibling folders', () => {
    const pkg = (name: string): string => JSON.stringify({ name, imports: { '#util': './src/util.ts' } });
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'packages/a', dependsOn: ['*'] }, { name: 'b', path: 'packages/b', dependsOn: ['*'] }] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', paths: { '@shared/*': ['./packages/a/src/*'] } } }),
      'packages/a/package.json': pkg('a'),
      'packages/b/package.json': pkg('b'),
      'packages/a/src/util.ts': 'export const u = 1;\n',
      'packages/b/src/util.ts': 'export const u = 2;\n',
      'packages/a/src/one/use.ts': "import { u } from '#util';\nimport { u as v } from '@shared/util';\nimport { u as w } from '../util';\n",
      'packages/a/src/two/use.ts': "import { u } from '#util';\nimport { u as v } from '@shared/util';\nimport { u as w } from '../util';\n",
      'packages/b/src/use.ts': "import { u } from '#util';\nimport { u as v } from '@shared/util';\n",
    });
    try {
      const session = openSession({ root: ws.root });
      const edges = session.fileEdges().map((e) => `${e.from} ${e.specifier} -> ${e.to}`).sort();
      assert.deepEqual(edges, [
        'packages/a/src/one/use.ts #util -> packages/a/src/util.ts',
        'packages/a/src/one/use.ts ../util -> packages/a/src/util.ts',
        'packages/a/src/one/use.ts @shared/util -> packages/a/src/util.ts',
        'packages/a/src/two/use.ts #util -> packages/a/src/util.ts',
        'packages/a/src/two/use.ts ../util -> packages/a/src/util.ts',
        'packages/a/src/two/use.ts @shared/util -> packages/a/src/util.ts',
        'packages/b/src/use.ts #util -> packages/b/src/util.ts',
        'packages/b/src/use.ts @shared/util -> packages/a/src/util.ts',
      ]);
    } finally {
      ws.dispose();
    }
  });
});

describe('shared name resolutions: the nearest node_modules decides', () => {
  it('resolves a package from the node_modules nearest to each importer, whichever folder asked first', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: ['a', 'b', 'v1', 'v2'].map((m) => ({ name: m, path: m.startsWith('v') ? `libs/${m}` : `packages/${m}`, dependsOn: ['*'] })) }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler' } }),
      'libs/v1/index.ts': 'export const v = 1;\n',
      'libs/v2/index.ts': 'export const v = 2;\n',
      'packages/a/src/x/use.ts': "import { v } from 'shared';\n",
      'packages/b/src/x/use.ts': "import { v } from 'shared';\n",
      'packages/b/src/y/use.ts': "import { v } from 'shared';\n",
      'packages/c/use.ts': "import { v } from 'shared';\n",
    });
    try {
      // As a package manager links them: the root gets one version, packages/b its own.
      fs.mkdirSync(path.join(ws.root, 'node_modules'));
      fs.mkdirSync(path.join(ws.root, 'packages/b/node_modules'));
      fs.symlinkSync(path.join(ws.root, 'libs/v1'), path.join(ws.root, 'node_modules/shared'), 'dir');
      fs.symlinkSync(path.join(ws.root, 'libs/v2'), path.join(ws.root, 'packages/b/node_modules/shared'), 'dir');
      const session = openSession({ root: ws.root });
      const edges = session.fileEdges().map((e) => `${e.from} -> ${e.to}`).sort();
      assert.deepEqual(edges, [
        'packages/a/src/x/use.ts -> libs/v1/index.ts',
        'packages/b/src/x/use.ts -> libs/v2/index.ts',
        'packages/b/src/y/use.ts -> libs/v2/index.ts',
        'packages/c/use.ts -> libs/v1/index.ts',
      ]);
    } finally {
      ws.dispose();
    }
  });
});

describe('shared name resolutions across packages and projects', () => {
  it('keys a self-name by its package, other names by the folders that find packages only', () => {
    const exportsX = { './x': './src/x.ts' };
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: ['b', 'c', 'd'].map((m) => ({ name: m, path: `packages/${m}`, dependsOn: ['*'] })) }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler' } }),
      // An installed package `dup`, and a workspace package of the same name that imports itself.
      'node_modules/dup/package.json': JSON.stringify({ name: 'dup', exports: { './x': './x.js' } }),
      'node_modules/dup/x.js': 'export const x = 0;\n',
      'packages/c/package.json': JSON.stringify({ name: 'dup', exports: exportsX }),
      'packages/c/src/x.ts': 'export const x = 1;\n',
      'packages/c/src/use.ts': "import { x } from 'dup/x';\n",
      // Before and after packages/c in file order: the installed package, whatever c found first.
      'packages/b/use.ts': "import { x } from 'dup/x';\n",
      'packages/d/use.ts': "import { x } from 'dup/x';\n",
    });
    try {
      const session = openSession({ root: ws.root });
      assert.deepEqual(session.fileEdges().map((e) => `${e.from} -> ${e.to}`), ['packages/c/src/use.ts -> packages/c/src/x.ts']);
      const result = session.result;
      assert.deepEqual(result.unresolved, []);
    } finally {
      ws.dispose();
    }
  });

  it('shares answers between projects that differ only in output options, never across other paths', () => {
    const base = { module: 'ESNext', moduleResolution: 'bundler' };
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: ['a', 'b', 'c'].map((m) => ({ name: m, path: `packages/${m}`, dependsOn: ['*'] })) }),
      'packages/a/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, outDir: 'lib', paths: { '@lib/*': ['./src/lib/*'] } } }),
      'packages/b/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, outDir: 'dist', paths: { '@lib/*': ['./src/lib/*'] } } }),
      'packages/c/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, outDir: 'out', rootDir: 'src' } }),
      'packages/a/src/lib/u.ts': 'export const u = 1;\n',
      'packages/a/src/use.ts': "import { u } from '@lib/u';\nimport { v } from '../../c/src/v';\n",
      'packages/b/src/lib/u.ts': 'export const u = 2;\n',
      'packages/b/src/use.ts': "import { u } from '@lib/u';\nimport { v } from '../../c/src/v';\n",
      'packages/c/src/v.ts': 'export const v = 3;\n',
      'packages/c/src/use.ts': "import { u } from '@lib/u';\n",
    });
    try {
      const session = openSession({ root: ws.root });
      assert.deepEqual(session.fileEdges().map((e) => `${e.from} ${e.specifier} -> ${e.to}`).sort(), [
        'packages/a/src/use.ts ../../c/src/v -> packages/c/src/v.ts',
        'packages/a/src/use.ts @lib/u -> packages/a/src/lib/u.ts',
        'packages/b/src/use.ts ../../c/src/v -> packages/c/src/v.ts',
        'packages/b/src/use.ts @lib/u -> packages/b/src/lib/u.ts',
      ]);
      assert.deepEqual(session.result.unresolved.map((u) => `${u.file} ${u.specifier}`), ['packages/c/src/use.ts @lib/u']);
    } finally {
      ws.dispose();
    }
  });
});
