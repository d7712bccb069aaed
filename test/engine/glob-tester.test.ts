import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { compileGlob, globTester } from '../../src/engine/glob';
import { DEFAULT_IGNORES } from '../../src/engine/init/default-ignores';
import { REPO_ROOT } from '../support/fixtures';

/** Every folder and file under `dir`, workspace-relative, folders also with a trailing slash (as discovery asks). */
function pathsUnder(dir: string, rel = '', out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    out.push(r);
    if (e.isDirectory()) {
      out.push(`${r}/`);
      pathsUnder(path.join(dir, e.name), r, out);
    }
  }
  return out;
}

const TRICKY = [
  '**', '*', '*/src/**', 'dist/**', 'lib/', 'a/b', 'src/generated/**', 'packages/*/test/**', '**/te?t/**', '**/*test*/**',
  '**/*.{ts,tsx}', 'src/**/internal/*.ts', '**/x/**/y/**', '?(a|b)/**', '!(node)/**', 'src/[ab]*/**', '!**/*.ts', 'a\\*b/**',
  '#comment', '', '**/.*', '**/.storybook/**', 'modules/*/application/**', 'modules/**/index.ts',
];

describe('engine: globTester (minimatch behind a literal pre-check)', () => {
  const paths = [...pathsUnder(path.join(REPO_ROOT, 'test/fixtures')), ...pathsUnder(path.join(REPO_ROOT, 'examples')), 'a*b/c', 'a/b', 'lib/', 'src/ab/x.ts', 'x/test/y', 'x/tent/y'];

  it('answers as minimatch does for every default ignore and tricky glob, on every fixture path', () => {
    assert.ok(paths.length > 2000, String(paths.length));
    let matched = 0;
    for (const glob of [...DEFAULT_IGNORES, ...TRICKY]) {
      const m = compileGlob(glob);
      const test = globTester(m);
      const differ = paths.filter((p) => test(p) !== m.match(p));
      assert.deepEqual(differ, [], glob);
      matched += paths.filter((p) => m.match(p)).length;
    }
    assert.ok(matched > 1000, `the globs match something (${matched})`);
  });

  it('refuses a path without any alternative\'s literal before running minimatch, and runs it otherwise', () => {
    const m = new Minimatch('**/{webpack,jest}.config.*', { dot: true });
    let calls = 0;
    const match = m.match.bind(m);
    m.match = (p: string) => (calls++, match(p));
    const test = globTester(m);
    assert.equal(test('src/orders/service.ts'), false);
    assert.equal(calls, 0);
    assert.equal(test('app/jest.config.ts'), true);
    assert.equal(test('app/jest.config.ts/x'), false, 'the literal is there, minimatch decides');
    assert.equal(calls, 2);
  });

  it('keeps minimatch alone where a literal is not required: negation, classes, extglobs, bare stars', () => {
    for (const glob of ['!**/*.ts', '[ab]*/**', '?(a|b)/**', '**', '*/*']) {
      const m = new Minimatch(glob, { dot: true });
      let calls = 0;
      const match = m.match.bind(m);
      m.match = (p: string) => (calls++, match(p));
      globTester(m)('zzz/qqq.md');
      assert.equal(calls, 1, glob);
    }
  });
});
