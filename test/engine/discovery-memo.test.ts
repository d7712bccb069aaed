import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findSourceFiles, type WalkMemo } from '../../src/engine/discover';
import { tempWorkspace } from '../support/temp-workspace';

/**
 * With a cache, discovery reads unchanged folders from the previous walk's listings (see WalkMemo).
 * After every kind of change its answer must be a fresh walk's.
 */
describe('discovery: unchanged folders read from the previous walk', () => {
  const options = { ignore: ['**/*.spec.ts', '**/generated/**', '!**/generated/keep/**'] };

  /**
   * The previous listings as stored, with their walk moved 10 s into the future: folders changed
   * in this test are then as old as the cache needs them to be trusted, and only their stamps can
   * tell that they changed.
   */
  const aged = (memo: WalkMemo): WalkMemo => ({ previous: { ...memo.next!, startedAt: Date.now() + 10_000 } });

  it('gives a fresh walk\'s answer after each change, reading the folders that did not change', () => {
    const ws = tempWorkspace({
      '.gitignore': 'dist/\n',
      'package.json': '{}',
      'tsconfig.json': '{}',
      'src/a/index.ts': 'export {};\n',
      'src/a/index.spec.ts': 'export {};\n',
      'src/a/deep/x.ts': 'export {};\n',
      'src/b/y.tsx': 'export {};\n',
      'src/generated/skip.ts': 'export {};\n',
      'src/generated/keep/z.ts': 'export {};\n',
      'dist/out.js': 'module.exports = {};\n',
      'other/w.ts': 'export {};\n',
    });
    const at = (rel: string): string => path.join(ws.root, rel);
    try {
      fs.symlinkSync(at('src/b'), at('src/link-to-b'), 'dir');
      let memo: WalkMemo = {};
      findSourceFiles(ws.root, options, memo);
      const reusedAfter = new Map<string, number>();
      const steps: [string, () => void][] = [
        ['nothing', () => undefined],
        ['a file edited in place', () => fs.appendFileSync(at('src/a/deep/x.ts'), '// more\n')],
        ['a file added', () => fs.writeFileSync(at('src/a/deep/new.ts'), 'export {};\n')],
        ['a file removed', () => fs.rmSync(at('src/b/y.tsx'))],
        ['a folder added', () => { fs.mkdirSync(at('src/c/d'), { recursive: true }); fs.writeFileSync(at('src/c/d/e.ts'), ''); }],
        ['a folder renamed', () => fs.renameSync(at('src/a/deep'), at('src/a/deeper'))],
        ['a folder replaced by a file of its name', () => { fs.rmSync(at('src/c'), { recursive: true }); fs.writeFileSync(at('src/c'), ''); }],
        ['a file in an ignored folder taken back', () => fs.writeFileSync(at('src/generated/keep/more.ts'), '')],
        ['a link retargeted outside the workspace', () => { fs.rmSync(at('src/link-to-b')); fs.symlinkSync(path.dirname(ws.root), at('src/link-to-b'), 'dir'); }],
        ['.gitignore changed', () => fs.writeFileSync(at('.gitignore'), 'other/\n')],
        ['a tsconfig added', () => fs.writeFileSync(at('src/a/tsconfig.json'), '{}')],
      ];
      for (const [what, change] of steps) {
        change();
        const next: WalkMemo = aged(memo);
        const memoized = findSourceFiles(ws.root, options, next);
        assert.deepEqual(memoized, findSourceFiles(ws.root, options), `after: ${what}`);
        reusedAfter.set(what, next.reused ?? 0);
        memo = next;
      }
      // The memo was used where nothing (or only a file's text) changed; a changed .gitignore drops it.
      assert.ok(reusedAfter.get('nothing')! >= 8, JSON.stringify([...reusedAfter]));
      assert.ok(reusedAfter.get('a file edited in place')! >= 8);
      assert.equal(reusedAfter.get('.gitignore changed'), 0);
    } finally {
      ws.dispose();
    }
  });

  it('lists everything again from stored listings that are not what it wrote', () => {
    const ws = tempWorkspace({ 'src/a.ts': '', 'src/b/c.ts': '' });
    try {
      const memo: WalkMemo = {};
      const fresh = findSourceFiles(ws.root, {}, memo);
      const forged = aged(memo).previous as { folders: Record<string, unknown> };
      // A copy: the forged folders below are written into the walk's own object.
      const real = structuredClone(memo.next!.folders);
      for (const broken of [{ stamp: 'x', items: [] }, null, 7, ['f', 'a.ts'], { items: [['f', '../escape.ts']] }, { items: [['x', 'a.ts']] }, { items: 'a.ts' }]) {
        // With each folder's real stamp, so only the shape can make the walk refuse it.
        for (const key of Object.keys(forged.folders)) forged.folders[key] = broken && typeof broken === 'object' && !Array.isArray(broken) && !('stamp' in broken) ? { ...broken, stamp: real[key].stamp } : broken;
        assert.deepEqual(findSourceFiles(ws.root, {}, { previous: forged }), fresh, JSON.stringify(broken));
      }
      assert.deepEqual(findSourceFiles(ws.root, {}, { previous: 'not listings' }), fresh);
    } finally {
      ws.dispose();
    }
  });
});
