import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, type CheckResult } from '../../src/engine';
import { openSession } from '../support/open-session';
import { withLiveSession } from '../support/live-session';
import { tempWorkspace } from '../support/temp-workspace';

/**
 * analyze() reuses the module crossings of unchanged files between calls; after every edit its
 * answer must be exactly what a fresh session finds on the same files.
 */
describe('incremental analysis: the same answer as a fresh check after every edit', () => {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({
      modules: [
        { name: 'a', path: 'src/a', dependsOn: ['b'] },
        { name: 'b', path: 'src/b', dependsOn: ['c'] },
        { name: 'c', path: 'src/c' },
      ],
    }),
    'src/a/index.ts': "import { fromB, fromC } from '../b';\nexport const a = fromB + fromC;\n",
    'src/a/leaf.ts': "import { a } from './index';\nexport const leaf = a;\n",
    'src/b/index.ts': "export { fromB } from './internal';\nexport * from '../c/thing';\n",
    'src/b/internal.ts': 'export const fromB = 1;\n',
    'src/c/thing.ts': 'export const fromC = 2;\nexport const other = 3;\n',
    'src/c/index.ts': "export * from './loop-x';\n",
    'src/c/loop-x.ts': "export * from './loop-y';\nexport const x = 1;\n",
    'src/c/loop-y.ts': "export * from './loop-x';\n",
  };
  const comparable = (r: CheckResult): string =>
    JSON.stringify({ violations: r.violations, dependencies: r.dependencies, unresolved: r.unresolved, imports: r.summary.imports });

  const edits: [string, string][] = [
    ['src/a/leaf.ts', "import { a } from './index';\n// typing…\nexport const leaf = a + 1;\n"],
    ['src/a/leaf.ts', "import { a } from './index';\nimport { other } from '../b';\nexport const leaf = a + other;\n"],
    // A barrel's surface changes: lines of its re-exports move, then one disappears.
    ['src/b/index.ts', "// the public API of b\nexport { fromB } from './internal';\nexport * from '../c/thing';\n"],
    ['src/b/index.ts', "export { fromB } from './internal';\n"],
    ['src/b/index.ts', "export { fromB } from './internal';\nexport { fromC as renamed, fromC } from '../c/thing';\n"],
    // A declaring file renames its export: re-export tracing must notice.
    ['src/c/thing.ts', 'export const fromC2 = 2;\nexport const other = 3;\n'],
    // Imports through a re-export cycle (x ⇄ y), traced in a different order than a fresh check.
    ['src/a/leaf.ts', "import { x, missing } from '../c/loop-y';\nexport const leaf = x + missing;\n"],
    ['src/a/index.ts', "import { x } from '../c';\nimport { fromB, fromC } from '../b';\nexport const a = fromB + fromC + x;\n"],
  ];

  it('updates the public API named in internal-import advice when a public file becomes readable or unreadable', () => {
    const live = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b', public: ['index.ts', 'public-api.ts'] }] }),
      'src/a/use.ts': "import { x } from '../b/internal';\nexport const y = x;\n",
      'src/b/internal.ts': 'export const x = 1;\n',
      'src/b/public-api.ts': 'export { x } from "./internal";\n',
      // Binary (NUL bytes, not UTF-8): not in the index, so not offered as the public API yet.
      'src/b/index.ts': Buffer.from([0x89, 0x50, 0, 0xc3]),
    });
    try {
      const session = openSession({ root: live.root });
      const advice = (): string | undefined => session.analyze().violations.find((v) => v.rule === 'internal-import')?.message;
      assert.match(advice() ?? '', /public API \(src\/b\/public-api\.ts\)/);
      for (const content of ['export * from "./public-api";\n', Buffer.from([0x89, 0x50, 0, 0xc3])]) {
        const file = path.join(live.root, 'src/b/index.ts');
        fs.writeFileSync(file, content);
        session.updateFile(file);
        const fresh = checkWorkspace({ root: live.root }).violations.find((v) => v.rule === 'internal-import')?.message;
        assert.equal(advice(), fresh);
        assert.match(fresh ?? '', typeof content === 'string' ? /\(src\/b\/index\.ts\)/ : /\(src\/b\/public-api\.ts\)/);
      }
    } finally {
      live.dispose();
    }
  });

  it('matches a fresh session for each step of a sequence of edits', () => {
    withLiveSession(files, ({ session, edit, fresh }) => {
      for (const [file, text] of edits) {
        edit(file, text);
        const incremental = comparable(session.analyze());
        const expected = comparable(fresh());
        assert.equal(incremental, expected, `after editing ${file}`);
        // A second analysis without edits reuses everything and must not drift either.
        assert.equal(comparable(session.analyze()), expected, `re-analysing after editing ${file}`);
      }
    });
  });

  it('still finds laundering through a barrel after an unrelated keystroke', () => {
    const ws = tempWorkspace(files);
    try {
      const session = openSession({ root: ws.root });
      const before = session.result.violations.filter((v) => v.rule === 'undeclared-dependency').map((v) => `${v.file}:${v.range.start.line} ${v.targetModule}`);
      assert.deepEqual(before, ['src/a/index.ts:1 c']);
      session.updateFile(path.join(ws.root, 'src/a/leaf.ts'), "import { a } from './index';\nexport const leaf = a * 2;\n");
      const after = session.analyze().violations.filter((v) => v.rule === 'undeclared-dependency').map((v) => `${v.file}:${v.range.start.line} ${v.targetModule}`);
      assert.deepEqual(after, before);
    } finally {
      ws.dispose();
    }
  });
});
