import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResolutionHost } from '../../src/engine/resolve/resolution-host';
import { tempWorkspace } from '../support/temp-workspace';
// the module object itself: the namespace import's bindings are read-only
import nodeFs = require('node:fs');

/** Calls `fs.statSync` while `run` runs, by path. */
function statsDuring(run: () => void): string[] {
  const original = nodeFs.statSync;
  const seen: string[] = [];
  (nodeFs as { statSync: unknown }).statSync = (p: fs.PathLike, ...rest: unknown[]) => {
    seen.push(String(p));
    return (original as (...a: unknown[]) => unknown)(p, ...rest);
  };
  try {
    run();
  } finally {
    (nodeFs as { statSync: unknown }).statSync = original;
  }
  return seen;
}

function truth(p: string): 'file' | 'folder' | 'missing' {
  let s: fs.Stats | undefined;
  try {
    s = fs.statSync(p, { throwIfNoEntry: false });
  } catch {
    s = undefined; // ENOTDIR: a path under a file
  }
  return !s ? 'missing' : s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'missing';
}

describe('resolution host: what folder listings answer', () => {
  it('answers missing paths, in listed and in absent folders, from the listings alone and as the disk does', function () {
    if (process.platform === 'win32' || process.platform === 'darwin') this.skip();
    const ws = tempWorkspace({
      'package.json': '{"name":"shop"}',
      'src/a.ts': 'export const a = 1;\n',
      'src/deep/b.ts': 'export const b = 1;\n',
    });
    try {
      fs.symlinkSync(path.join(ws.root, 'src/deep'), path.join(ws.root, 'src/linked'), 'dir');
      const host = new ResolutionHost(ws.root, () => [], new Map());
      const probes = [
        'src/a.ts',
        'src/a.tsx',
        'src/a/index.ts',
        'src/a.ts/index.ts',
        'src/deep',
        'src/deep/b.ts',
        'src/deep/b.d.ts',
        'node_modules/react/package.json',
        'node_modules/@types/react/index.d.ts',
        'node_modules/@types/react/package.json',
        'src/linked',
        'src/linked/b.ts',
        'src/linked/c.ts',
      ].map((rel) => path.join(ws.root, rel));
      const kinds: string[] = [];
      const stats = statsDuring(() => {
        for (const p of probes) kinds.push(host.isFileOnDisk(p) ? 'file' : host.isDirectoryOnDisk(p) ? 'folder' : 'missing');
      });
      assert.deepEqual(kinds, probes.map(truth));
      // only the link is stat'ed (a listing cannot say where it leads); every missing path is answered by a listing
      assert.deepEqual(stats, [path.join(ws.root, 'src/linked')]);
    } finally {
      ws.dispose();
    }
  });

  it('sees a file created in a folder that was absent once told of it', () => {
    const ws = tempWorkspace({ 'src/a.ts': 'export const a = 1;\n' });
    try {
      const host = new ResolutionHost(ws.root, () => [], new Map());
      const created = path.join(ws.root, 'src/new/deeper/c.ts');
      assert.equal(host.isFileOnDisk(created), false);
      assert.equal(host.isDirectoryOnDisk(path.dirname(created)), false);
      fs.mkdirSync(path.dirname(created), { recursive: true });
      fs.writeFileSync(created, 'export const c = 1;\n');
      host.invalidate(created);
      assert.equal(host.isFileOnDisk(created), true);
      assert.equal(host.isDirectoryOnDisk(path.join(ws.root, 'src/new')), true);
      assert.deepEqual(host.fileNamesIn(path.dirname(created)), ['c.ts']);
    } finally {
      ws.dispose();
    }
  });
});
