import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { openSession } from '../support/open-session';
import { tempWorkspace } from '../support/temp-workspace';

describe('a folder linked into another module', () => {
  it('is one file with one path and one module, its real one, for the scan and for imports through the link', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({
        modules: [{ name: 'app', path: 'src/app', dependsOn: [] }, { name: 'shared', path: 'src/shared', public: ['**'], dependsOn: [] }],
      }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true }, include: ['src'] }),
      'src/shared/util.ts': 'export const u = 1;\n',
      'src/app/main.ts': "import { u } from './linked/util';\nexport const v = u;\n",
    });
    try {
      // `app` sorts before `shared`: the walk used to list the file under the link, in `app`.
      fs.symlinkSync(path.join(ws.root, 'src/shared'), path.join(ws.root, 'src/app/linked'), 'dir');
      const main = path.join(ws.root, 'src/app/main.ts');
      // TypeScript resolves a relative import to the path through the link, which names the real file.
      const typescript = ts.resolveModuleName('./linked/util', main, { moduleResolution: ts.ModuleResolutionKind.Bundler }, ts.sys).resolvedModule;
      assert.equal(typescript?.resolvedFileName, path.join(ws.root, 'src/app/linked/util.ts'));
      assert.equal(fs.realpathSync(typescript.resolvedFileName), path.join(ws.root, 'src/shared/util.ts'));

      const session = openSession({ root: ws.root });
      assert.equal(session.result.summary.files, 2);
      assert.deepEqual(session.result.violations.map((v) => `${v.rule} ${v.file} ${v.sourceModule} -> ${v.targetModule}`), ['undeclared-dependency src/app/main.ts app -> shared']);
      const [site] = session.explain('src/app/main.ts')!.imports;
      assert.deepEqual([site.resolution, site.targetModule], ['src/shared/util.ts', 'shared']);
      assert.equal(session.explain('src/shared/util.ts')!.module, 'shared');
      // An editor that opened the file through the link edits the same entry.
      assert.equal(session.scannedPath(path.join(ws.root, 'src/app/linked/util.ts')), 'src/shared/util.ts');
      session.updateFile(path.join(ws.root, 'src/app/linked/util.ts'), 'export const u = 2;\nexport const w = 3;\n');
      assert.equal(session.analyze().summary.files, 2);
    } finally {
      ws.dispose();
    }
  });
});

describe('a project that preserves symlinks', () => {
  it('keeps the path through the link, as TypeScript does', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'app', path: 'src/app', dependsOn: [] }, { name: 'shared', path: 'src/shared', dependsOn: [] }] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'bundler', module: 'esnext', preserveSymlinks: true } }),
      'src/shared/util.ts': 'export const u = 1;\n',
      'src/app/main.ts': "import { u } from './linked/util';\n",
    });
    try {
      fs.symlinkSync(path.join(ws.root, 'src/shared'), path.join(ws.root, 'src/app/linked'), 'dir');
      const session = openSession({ root: ws.root });
      assert.deepEqual(session.explain('src/app/main.ts')!.imports.map((i) => [i.resolution, i.targetModule]), [['src/app/linked/util.ts', 'app']]);
    } finally {
      ws.dispose();
    }
  });
});
