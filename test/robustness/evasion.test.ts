import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { checkWorkspace } from '../../src/engine';
import { tempWorkspace } from '../support/temp-workspace';

const TWO_MODULES = JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] });
const VIOLATION = "import { x } from '../b/internal';\nexport const y = x;\n";

/**
 * Issue 18 item 5: a violation must not hide behind a file that merely looks unreadable, when
 * TypeScript compiles it all the same.
 */
describe('evasion: files made to look unreadable still have their imports checked', () => {
  const cases: [string, string | Buffer, string | undefined][] = [
    ['a NUL byte in a comment', `// \u0000 padding\n${VIOLATION}`, undefined],
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VIOLATION, 'utf16le')]), 'utf-16'],
    ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(VIOLATION, 'utf16le').swap16()]), 'utf-16'],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VIOLATION)]), undefined],
    ['padding past 8 MiB', `${VIOLATION}// ${'x'.repeat(9 * 1024 * 1024)}\n`, 'large-file'],
  ];
  for (const [what, content, notice] of cases) {
    it(what, () => {
      const ws = tempWorkspace({ 'bulkhead.json': TWO_MODULES, 'src/a/index.ts': content, 'src/b/internal.ts': 'export const x = 1;\n' });
      try {
        const result = checkWorkspace({ root: ws.root });
        assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}:${v.range.start.column}`), [
          `internal-import src/a/index.ts:${what.includes('NUL') ? 2 : 1}:19`,
          `undeclared-dependency src/a/index.ts:${what.includes('NUL') ? 2 : 1}:19`,
        ]);
        assert.deepEqual(result.diagnostics.map((d) => d.code), notice ? [notice] : []);
      } finally {
        ws.dispose();
      }
    });
  }

  it('a folder or file name that is not valid UTF-8: an unchecked-file error, not a silent skip', () => {
    const ws = tempWorkspace({ 'bulkhead.json': TWO_MODULES, 'src/b/internal.ts': 'export const x = 1;\n' });
    try {
      // Built from bytes: Node would turn a JavaScript string's lone 0xff into valid UTF-8.
      const bad = Buffer.from([0xff, 0xfe]);
      const folder = Buffer.concat([Buffer.from(`${ws.root}/src/a/`), bad]);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(Buffer.concat([folder, Buffer.from('/hidden.ts')]), VIOLATION);
      fs.writeFileSync(Buffer.concat([Buffer.from(`${ws.root}/src/a/`), bad, Buffer.from('.ts')]), VIOLATION);
      const result = checkWorkspace({ root: ws.root });
      assert.deepEqual(result.violations.map((v) => `${v.severity} ${v.rule} ${v.file}`).sort(), [
        'error unchecked-file src/a/\uFFFD\uFFFD',
        'error unchecked-file src/a/\uFFFD\uFFFD.ts',
      ]);
      assert.match(result.violations[0].message, /name is not valid UTF-8/);
      assert.deepEqual(result.diagnostics.map((d) => d.code), ['not-utf8-name', 'not-utf8-name']);
    } finally {
      ws.dispose();
    }
  });

  it('a file over 64 MiB is skipped and says so as an unchecked-file error that CI fails on', () => {
    const ws = tempWorkspace({ 'bulkhead.json': TWO_MODULES, 'src/b/internal.ts': 'export const x = 1;\n' });
    try {
      fs.mkdirSync(`${ws.root}/src/a`);
      const fd = fs.openSync(`${ws.root}/src/a/huge.ts`, 'w');
      fs.writeSync(fd, VIOLATION);
      fs.ftruncateSync(fd, 65 * 1024 * 1024);
      fs.closeSync(fd);
      const result = checkWorkspace({ root: ws.root });
      assert.deepEqual(result.violations.map((v) => `${v.severity} ${v.rule} ${v.file}`), ['error unchecked-file src/a/huge.ts']);
      assert.equal(result.summary.errors, 1);
    } finally {
      ws.dispose();
    }
  });
});
