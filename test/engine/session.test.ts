import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Session } from '../../src/engine';
import { openSession } from '../support/open-session';
import { tempWorkspace } from '../support/temp-workspace';

const summary = (s: Session): string[] => s.analyze().violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}`);

describe('workspace session: edits without a full rescan', () => {
  const files = {
    'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a', dependsOn: ['b'] }, { name: 'b', path: 'src/b' }] }),
    'src/a/index.ts': "import { x } from '../b';\nimport { later } from '../b/later';\n",
    'src/b/index.ts': "export { x } from './internal';\n",
    'src/b/internal.ts': 'export const x = 1;\n',
  };

  it('takes unsaved text, then the file on disk again', () => {
    const ws = tempWorkspace(files);
    try {
      const session = openSession({ root: ws.root });
      assert.deepEqual(session.result.violations.map((v) => v.rule), ['unresolved-import']);
      session.updateFile(path.join(ws.root, 'src/a/index.ts'), "import { x } from '../b';\nimport { x as y } from '../b/internal';\n");
      assert.deepEqual(summary(session), ['internal-import src/a/index.ts:2']);
      session.updateFile(path.join(ws.root, 'src/a/index.ts'));
      assert.deepEqual(summary(session), ['unresolved-import src/a/index.ts:2']);
    } finally {
      ws.dispose();
    }
  });

  it('resolves imports to a created file and forgets a deleted one', () => {
    const ws = tempWorkspace(files);
    try {
      const session = openSession({ root: ws.root });
      const created = path.join(ws.root, 'src/b/later.ts');
      fs.writeFileSync(created, 'export const later = 2;\n');
      session.updateFile(created);
      assert.deepEqual(summary(session), ['internal-import src/a/index.ts:2']);
      fs.rmSync(created);
      session.updateFile(created);
      assert.deepEqual(summary(session), ['unresolved-import src/a/index.ts:2']);
      assert.equal(session.analyze().summary.files, 3);
    } finally {
      ws.dispose();
    }
  });

  it('resolves imports of a stylesheet created after the check, and forgets it when deleted', () => {
    const ws = tempWorkspace({
      ...files,
      'src/a/index.ts': "import '../b/theme.css';\nimport logo from '../b/logo.svg?url';\n",
      'src/b/logo.svg': '<svg/>\n',
    });
    try {
      const session = openSession({ root: ws.root });
      assert.deepEqual(summary(session), ['unresolved-import src/a/index.ts:1', 'internal-import src/a/index.ts:2']);
      const css = path.join(ws.root, 'src/b/theme.css');
      fs.writeFileSync(css, ':root {}\n');
      session.updateFile(css);
      assert.deepEqual(summary(session), ['internal-import src/a/index.ts:1', 'internal-import src/a/index.ts:2']);
      const svg = path.join(ws.root, 'src/b/logo.svg');
      fs.rmSync(svg);
      session.removeFile(svg);
      assert.deepEqual(summary(session), ['internal-import src/a/index.ts:1', 'unresolved-import src/a/index.ts:2']);
      session.updateFile(path.join(ws.root, 'README.md'), 'an unsaved buffer of a file the scan does not read');
      assert.deepEqual(session.fileEdges().filter((e) => e.from === 'src/a/index.ts').map((e) => e.to), ['src/b/theme.css']);
    } finally {
      ws.dispose();
    }
  });

  it('ignores files outside the scan and tells which changes need a full check', () => {
    const ws = tempWorkspace(files);
    try {
      const session = openSession({ root: ws.root });
      assert.equal(session.scannedPath(path.join(ws.root, 'node_modules/x/index.ts')), undefined);
      assert.equal(session.scannedPath(path.join(ws.root, 'README.md')), undefined);
      assert.equal(session.scannedPath(path.join(ws.root, 'src/a/index.ts')), 'src/a/index.ts');
      assert.equal(session.needsFullCheck(path.join(ws.root, 'bulkhead.json')), true);
      assert.equal(session.needsFullCheck(path.join(ws.root, 'packages/x/tsconfig.lib.json')), true);
      assert.equal(session.needsFullCheck(path.join(ws.root, 'src/a/index.ts')), false);
    } finally {
      ws.dispose();
    }
  });
});

describe('workspace session: a created file keeps other files\' unsaved text', () => {
  it('re-resolves the unsaved buffer instead of re-reading it from disk', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
      'src/a/index.ts': 'export const a = 1;\n',
      'src/b/index.ts': 'export const b = 1;\n',
    });
    try {
      const session = openSession({ root: ws.root });
      session.updateFile(path.join(ws.root, 'src/a/index.ts'), "import { soon } from '../b/soon';\nexport const a = soon;\n");
      assert.deepEqual(summary(session), ['unresolved-import src/a/index.ts:1']);
      const created = path.join(ws.root, 'src/b/soon.ts');
      fs.writeFileSync(created, 'export const soon = 2;\n');
      session.updateFile(created);
      assert.deepEqual(summary(session), ['internal-import src/a/index.ts:1', 'undeclared-dependency src/a/index.ts:1']);
    } finally {
      ws.dispose();
    }
  });
});
