import * as assert from 'node:assert/strict';
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
});
