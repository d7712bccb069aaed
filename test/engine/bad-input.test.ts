import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { openSession } from '../support/open-session';
import { tempWorkspace } from '../support/temp-workspace';

const TWO_MODULES = JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] });
const VIOLATION = "import { x } from '../b/internal';\n";

describe('bad input gives a clear message and a correct result for the rest', () => {
  it('survives a symlink loop and ignores links that leave the workspace', () => {
    const ws = tempWorkspace({ 'bulkhead.json': TWO_MODULES, 'src/a/index.ts': VIOLATION, 'src/b/internal.ts': 'export const x = 1;\n' });
    try {
      fs.symlinkSync(path.join(ws.root, 'src'), path.join(ws.root, 'src/a/loop'));
      fs.symlinkSync('/usr/lib', path.join(ws.root, 'src/b/outside'));
      const result = checkWorkspace({ root: ws.root });
      assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.file}`), ['internal-import src/a/index.ts', 'undeclared-dependency src/a/index.ts']);
      assert.equal(result.summary.files, 2);
    } finally {
      ws.dispose();
    }
  });

  it('reports an empty workspace without failing', () => {
    const ws = tempWorkspace({ 'bulkhead.json': TWO_MODULES });
    try {
      const result = checkWorkspace({ root: ws.root });
      assert.equal(result.violations.length, 0);
      assert.ok(result.diagnostics.some((d) => d.code === 'no-source-files'));
    } finally {
      ws.dispose();
    }
  });

  it('skips a file deleted during the scan with a notice and checks the others', () => {
    const ws = tempWorkspace({
      'bulkhead.json': TWO_MODULES,
      'src/a/index.ts': VIOLATION,
      'src/a/zz-doomed.ts': VIOLATION,
      'src/b/internal.ts': 'export const x = 1;\n',
    });
    try {
      let deleted = false;
      const session = openSession({
        root: ws.root,
        onProgress: () => {
          if (!deleted) fs.rmSync(path.join(ws.root, 'src/a/zz-doomed.ts'));
          deleted = true;
        },
      });
      const result = session.result;
      assert.deepEqual([...new Set(result.violations.map((v) => v.file))], ['src/a/index.ts']);
      const notice = result.diagnostics.find((d) => d.file === 'src/a/zz-doomed.ts');
      assert.equal(notice?.code, 'missing');
      assert.match(notice!.message, /deleted during the scan/);
    } finally {
      ws.dispose();
    }
  });

  it('works without any tsconfig and reports a tsconfig extends cycle and a missing base', () => {
    const ws = tempWorkspace({
      'bulkhead.json': TWO_MODULES,
      'src/a/index.ts': VIOLATION,
      'src/b/internal.ts': 'export const x = 1;\n',
    });
    try {
      assert.equal(checkWorkspace({ root: ws.root }).violations.length, 2);
      fs.writeFileSync(path.join(ws.root, 'tsconfig.json'), '{ "extends": "./tsconfig.other.json" }');
      fs.writeFileSync(path.join(ws.root, 'tsconfig.other.json'), '{ "extends": "./tsconfig.json" }');
      const cyclic = checkWorkspace({ root: ws.root });
      assert.equal(cyclic.violations.length, 2);
      assert.ok(cyclic.diagnostics.some((d) => d.code === 'tsconfig' && /ircularity/.test(d.message)), JSON.stringify(cyclic.diagnostics));
      fs.writeFileSync(path.join(ws.root, 'tsconfig.json'), '{ "extends": "./missing-base.json" }');
      const missing = checkWorkspace({ root: ws.root });
      assert.equal(missing.violations.length, 2);
      assert.ok(missing.diagnostics.some((d) => d.code === 'tsconfig' && d.file === 'tsconfig.json'), JSON.stringify(missing.diagnostics));
    } finally {
      ws.dispose();
    }
  });

  it('reports binary files as skipped, oversized ones as read for imports only, and non-UTF-8 files as read', () => {
    const ws = tempWorkspace({
      'bulkhead.json': TWO_MODULES,
      'src/a/blob.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
      'src/a/latin1.ts': Buffer.concat([Buffer.from(VIOLATION), Buffer.from("export const s = 'caf"), Buffer.from([0xe9]), Buffer.from("';\n")]),
      'src/a/huge.ts': `export const big = "${'x'.repeat(9 * 1024 * 1024)}";\n`,
      'src/b/internal.ts': 'export const x = 1;\n',
    });
    try {
      const result = checkWorkspace({ root: ws.root });
      const codes = Object.fromEntries(result.diagnostics.map((d) => [d.file, d.code]));
      assert.deepEqual(codes, { 'src/a/blob.ts': 'binary', 'src/a/huge.ts': 'large-file', 'src/a/latin1.ts': 'not-utf8' });
      // The binary file is skipped, and says so as an unchecked-file finding; the large one is read.
      assert.deepEqual([...new Set(result.violations.map((v) => `${v.rule} ${v.file}`))].sort(), ['internal-import src/a/latin1.ts', 'unchecked-file src/a/blob.ts', 'undeclared-dependency src/a/latin1.ts']);
    } finally {
      ws.dispose();
    }
  });
});
