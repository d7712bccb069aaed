import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFileEdits, type Fix, type Violation, type Session } from '../../../src/engine';
import { openSession } from '../../support/open-session';
import { FIXTURES } from '../../support/fixtures';
import { tempWorkspace } from '../../support/temp-workspace';

function fixes(session: Session, rule: string, file: string): { violation: Violation; fixes: Fix[] } {
  const result = session.analyze();
  const violation = result.violations.find((v) => v.rule === rule && v.file === file);
  assert.ok(violation, `a ${rule} violation in ${file}: ${JSON.stringify(result.violations.map((v) => `${v.rule} ${v.file}`))}`);
  return { violation, fixes: session.fixesFor(violation, (abs) => fs.readFileSync(abs, 'utf8')) };
}

function publicApi(session: Session, file: string): Fix | undefined {
  return fixes(session, 'internal-import', file).fixes.find((f) => f.kind === 'public-api');
}

const USERS = {
  'bulkhead.json': JSON.stringify({ modules: [{ name: 'users', path: 'src/users' }, { name: 'orders', path: 'src/orders', dependsOn: ['users'] }] }),
  'src/users/domain/user.ts': 'export interface User { id: string }\nexport function displayName(u: User) { return u.id; }\nexport function secret() { return 1; }\n',
  'src/users/index.ts': "export { displayName, type User } from './domain/user';\n",
};

describe('fix: import from the public API', () => {
  it('rewrites a relative internal import in the vscode-shop fixture to the module folder', () => {
    const root = path.join(FIXTURES, 'vscode-shop');
    const session = openSession({ root });
    const fix = publicApi(session, 'src/orders/place-order.ts');
    assert.ok(fix);
    assert.equal(fix.title, `Import from the public API of "users" ('../users')`);
    assert.equal(fix.isPreferred, true);
    const text = fs.readFileSync(path.join(root, 'src/orders/place-order.ts'), 'utf8');
    assert.equal(applyFileEdits(text, fix.edits).split('\n')[1], "import { displayName, type User } from '../users';");
  });

  it('keeps a tsconfig alias when the alias reaches the public API', () => {
    const ws = tempWorkspace({
      ...USERS,
      'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'bundler', module: 'esnext', paths: { '@app/*': ['./src/*'] } } }),
      'src/orders/order.ts': 'import type { User } from "@app/users/domain/user";\nexport type O = User;\n',
    });
    try {
      const session = openSession({ root: ws.root });
      const fix = publicApi(session, 'src/orders/order.ts');
      assert.ok(fix);
      assert.deepEqual(fix.edits.map((e) => e.newText), ['@app/users']);
      assert.deepEqual(fix.edits[0].range, { start: { line: 1, column: 28 }, end: { line: 1, column: 50 } });
    } finally {
      ws.dispose();
    }
  });

  it('writes index.js when the importer uses .js specifiers (node16 resolution)', () => {
    const ws = tempWorkspace({
      ...USERS,
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16' } }),
      'src/orders/order.ts': "import { displayName } from '../users/domain/user.js';\nexport const n = displayName;\n",
    });
    try {
      const session = openSession({ root: ws.root });
      assert.deepEqual(publicApi(session, 'src/orders/order.ts')?.edits.map((e) => e.newText), ['../users/index.js']);
    } finally {
      ws.dispose();
    }
  });

  it('offers no rewrite when the public API does not export every imported name, or for a namespace import', () => {
    const ws = tempWorkspace({
      ...USERS,
      'src/orders/a.ts': "import { displayName, secret } from '../users/domain/user';\nexport const n = [displayName, secret];\n",
      'src/orders/b.ts': "import * as user from '../users/domain/user';\nexport const u = user;\n",
    });
    try {
      const session = openSession({ root: ws.root });
      assert.equal(publicApi(session, 'src/orders/a.ts'), undefined);
      assert.equal(publicApi(session, 'src/orders/b.ts'), undefined);
      // exporting `secret` too is the other fix's business; the ignore comment is still offered
      assert.deepEqual(fixes(session, 'internal-import', 'src/orders/a.ts').fixes.map((f) => f.kind), ['export-from-public-api', 'ignore-comment']);
    } finally {
      ws.dispose();
    }
  });

  it('uses the text of an unsaved buffer the session was given', () => {
    const ws = tempWorkspace({ ...USERS, 'src/orders/a.ts': 'export const a = 1;\n' });
    try {
      const session = openSession({ root: ws.root });
      session.updateFile(path.join(ws.root, 'src/orders/a.ts'), "\n\nimport { displayName } from '../users/domain/user';\n");
      const fix = publicApi(session, 'src/orders/a.ts');
      assert.deepEqual(fix?.edits, [{ file: 'src/orders/a.ts', range: { start: { line: 3, column: 30 }, end: { line: 3, column: 50 } }, newText: '../users' }]);
    } finally {
      ws.dispose();
    }
  });
});
