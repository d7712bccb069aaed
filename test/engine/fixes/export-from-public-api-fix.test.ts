import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fix, Session } from '../../../src/engine';
import { openSession } from '../../support/open-session';
import { applyFixToDisk, typeErrors } from '../../support/apply-fix';
import { FIXTURES } from '../../support/fixtures';
import { tempWorkspace } from '../../support/temp-workspace';

const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', strict: true, isolatedModules: true, noEmit: true }, include: ['src'] });
const MODULES = { modules: [{ name: 'users', path: 'src/users' }, { name: 'orders', path: 'src/orders', dependsOn: ['users'] }] };
const USER = 'export interface User { id: string; active: boolean }\nexport function displayName(u: User) { return u.id; }\nexport function isActive(u: User) { return u.active; }\n';

function workspace(files: Record<string, string>, modules: object = MODULES) {
  return tempWorkspace({ 'bulkhead.json': JSON.stringify(modules), 'tsconfig.json': TSCONFIG, 'src/users/domain/user.ts': USER, ...files });
}

/** The fixes offered for the internal-import in `file`. */
function fixesFor(session: Session, file: string): Fix[] {
  const violation = session.analyze().violations.find((v) => v.rule === 'internal-import' && v.file === file);
  assert.ok(violation, `an internal-import in ${file}`);
  return session.fixesFor(violation, (abs) => (fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined));
}

function exportFix(root: string, file: string): Fix | undefined {
  const session = openSession({ root });
  return fixesFor(session, file).find((f) => f.kind === 'export-from-public-api');
}

/** Applies the fix, then: the file has no internal-import left, and the workspace type-checks. */
function applyAndRecheck(root: string, fix: Fix, file: string): void {
  applyFixToDisk(root, fix);
  const result = openSession({ root }).analyze();
  assert.deepEqual(result.violations.filter((v) => v.file === file).map((v) => v.message), []);
  assert.deepEqual(typeErrors(root), []);
}

function read(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

describe('fix: export from the public API', () => {
  let ws: { root: string; dispose(): void } | undefined;
  afterEach(() => {
    ws?.dispose();
    ws = undefined;
  });

  it('adds the missing name to the export of an existing index.ts (vscode-export-fix: orders -> users)', () => {
    ws = tempWorkspace({});
    fs.cpSync(path.join(FIXTURES, 'vscode-export-fix'), ws.root, { recursive: true });
    const fix = exportFix(ws.root, 'src/orders/place-order.ts');
    assert.ok(fix);
    assert.equal(fix.title, "Export from the public API: add isActive to src/users/index.ts, and import from it ('../users')");
    assert.equal(fix.isPreferred, undefined, 'it changes another module: never applied by "fix all"');
    assert.deepEqual(fix.edits, [
      { file: 'src/orders/place-order.ts', range: { start: { line: 2, column: 51 }, end: { line: 2, column: 71 } }, newText: '../users' },
      { file: 'src/users/index.ts', range: { start: { line: 1, column: 32 }, end: { line: 1, column: 32 } }, newText: ', isActive', confirm: 'Changes the public API of module "users" (src/users/index.ts)' },
    ]);
    applyAndRecheck(ws.root, fix, 'src/orders/place-order.ts');
    assert.equal(read(ws.root, 'src/users/index.ts'), "export { displayName, type User, isActive } from './domain/user';\n");
  });

  it('creates index.ts when the module has no public file (vscode-export-fix: reports -> billing), types as export type', () => {
    ws = tempWorkspace({});
    fs.cpSync(path.join(FIXTURES, 'vscode-export-fix'), ws.root, { recursive: true });
    const fix = exportFix(ws.root, 'src/reports/monthly.ts');
    assert.ok(fix);
    assert.equal(fix.title, "Export from the public API: create src/billing/index.ts exporting invoiceTotal, Invoice, and import from it ('../billing')");
    assert.deepEqual(fix.edits, [
      { file: 'src/reports/monthly.ts', range: { start: { line: 2, column: 45 }, end: { line: 2, column: 63 } }, newText: '../billing' },
      {
        file: 'src/billing/index.ts', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, createFile: true,
        newText: "export { invoiceTotal } from './invoice';\nexport type { Invoice } from './invoice';\n",
        confirm: 'Changes the public API of module "billing" (src/billing/index.ts)',
      },
    ]);
    applyAndRecheck(ws.root, fix, 'src/reports/monthly.ts');
  });

  it('exports an interface imported without `type` as export type (isolatedModules), and keeps an alias', () => {
    ws = workspace({ 'src/orders/a.ts': 'import { User, isActive as active } from "../users/domain/user"\nexport const f = (u: User) => active(u)\n' });
    const fix = exportFix(ws.root, 'src/orders/a.ts');
    assert.ok(fix);
    applyAndRecheck(ws.root, fix, 'src/orders/a.ts');
    // no statement in the new file to copy: the importer's double quotes and missing semicolons
    assert.equal(read(ws.root, 'src/users/index.ts'), 'export { isActive } from "./domain/user"\nexport type { User } from "./domain/user"\n');
    assert.equal(read(ws.root, 'src/orders/a.ts').split('\n')[0], 'import { User, isActive as active } from "../users"');
  });

  it('re-exports a default export under the local name and imports it by that name', () => {
    ws = workspace({
      'src/users/mailer.ts': 'export default class Mailer { send() { return true; } }\nexport const helper = 1;\n',
      'src/orders/a.ts': "import Mailer, { helper } from '../users/mailer';\nexport const m = new Mailer().send() && helper;\n",
      'src/users/index.ts': "export { displayName } from './domain/user';\n",
    });
    const fix = exportFix(ws.root, 'src/orders/a.ts');
    assert.ok(fix);
    applyAndRecheck(ws.root, fix, 'src/orders/a.ts');
    assert.equal(read(ws.root, 'src/users/index.ts'), "export { displayName } from './domain/user';\nexport { default as Mailer, helper } from './mailer';\n");
    assert.equal(read(ws.root, 'src/orders/a.ts').split('\n')[0], "import { Mailer, helper } from '../users';");
  });

  it('writes .js specifiers for a NodeNext ESM project, in the new file and in the import', () => {
    ws = workspace({
      'package.json': JSON.stringify({ name: 'esm', type: 'module' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, verbatimModuleSyntax: true, noEmit: true }, include: ['src'] }),
      'src/orders/a.ts': "import { isActive, type User } from '../users/domain/user.js';\nexport const f = (u: User) => isActive(u);\n",
    });
    const fix = exportFix(ws.root, 'src/orders/a.ts');
    assert.ok(fix);
    applyAndRecheck(ws.root, fix, 'src/orders/a.ts');
    assert.equal(read(ws.root, 'src/users/index.ts'), "export { isActive } from './domain/user.js';\nexport type { User } from './domain/user.js';\n");
    assert.equal(read(ws.root, 'src/orders/a.ts').split('\n')[0], "import { isActive, type User } from '../users/index.js';");
  });

  it('follows an export * chain: re-exports from the barrel the import named, next to an export * that lacks the name', () => {
    ws = workspace({
      'src/users/domain/index.ts': "export * from './user';\n",
      'src/users/profile.ts': 'export const avatar = 1;\n',
      'src/users/index.ts': "export * from './profile';\nexport { displayName } from './domain/user';\n",
      'src/orders/a.ts': "import { isActive, displayName } from '../users/domain';\nexport const f = [isActive, displayName];\n",
    });
    const fix = exportFix(ws.root, 'src/orders/a.ts');
    assert.ok(fix);
    applyAndRecheck(ws.root, fix, 'src/orders/a.ts');
    assert.equal(read(ws.root, 'src/users/index.ts'), "export * from './profile';\nexport { displayName } from './domain/user';\nexport { isActive } from './domain';\n");
  });

  it('rewrites an export … from in the importing module too', () => {
    ws = workspace({
      'src/users/index.ts': "export { displayName } from './domain/user';\n",
      'src/orders/index.ts': "export { isActive as userIsActive } from '../users/domain/user';\n",
    });
    const fix = exportFix(ws.root, 'src/orders/index.ts');
    assert.ok(fix);
    applyAndRecheck(ws.root, fix, 'src/orders/index.ts');
    assert.equal(read(ws.root, 'src/orders/index.ts'), "export { isActive as userIsActive } from '../users';\n");
  });

  it('creates the file the module\'s public patterns name, and none when they name no file (api/**)', () => {
    const named = { modules: [{ name: 'users', path: 'src/users', public: ['api.ts'] }, { name: 'orders', path: 'src/orders', dependsOn: ['users'] }] };
    ws = workspace({ 'src/orders/a.ts': "import { isActive } from '../users/domain/user';\nexport const f = isActive;\n" }, named);
    const fix = exportFix(ws.root, 'src/orders/a.ts');
    assert.equal(fix?.edits[1]?.file, 'src/users/api.ts');
    applyAndRecheck(ws.root, fix, 'src/orders/a.ts');
    ws.dispose();

    const globbed = { modules: [{ name: 'users', path: 'src/users', public: ['api/**'] }, { name: 'orders', path: 'src/orders', dependsOn: ['users'] }] };
    ws = workspace({ 'src/orders/a.ts': "import { isActive } from '../users/domain/user';\nexport const f = isActive;\n" }, globbed);
    assert.equal(exportFix(ws.root, 'src/orders/a.ts'), undefined);
  });

  it('offers no fix for a namespace, side-effect, dynamic or export * import (the ignore comment stays)', () => {
    ws = workspace({
      'src/users/setup.ts': 'export {};\n',
      'src/orders/ns.ts': "import * as user from '../users/domain/user';\nexport const u = user;\n",
      'src/orders/side.ts': "import '../users/setup';\n",
      'src/orders/dyn.ts': "export const load = () => import('../users/domain/user');\n",
      'src/orders/star.ts': "export * from '../users/domain/user';\n",
    });
    const session = openSession({ root: ws.root });
    for (const file of ['src/orders/ns.ts', 'src/orders/side.ts', 'src/orders/dyn.ts', 'src/orders/star.ts']) {
      assert.deepEqual(fixesFor(session, file).map((f) => f.kind), ['ignore-comment'], file);
    }
  });

  it('offers no fix when the public file exports the name as something else, or has an export * it cannot follow', () => {
    ws = workspace({
      'src/users/status.ts': 'export function isActive() { return false; }\n',
      'src/users/index.ts': "export { isActive } from './status';\n",
      'src/orders/a.ts': "import { isActive } from '../users/domain/user';\nexport const f = isActive;\n",
    });
    assert.equal(exportFix(ws.root, 'src/orders/a.ts'), undefined);
    ws.dispose();

    ws = workspace({
      'src/users/index.ts': "export * from './status';\nexport * from './gone';\n",
      'src/users/status.ts': 'export const active = 1;\n',
      'src/orders/a.ts': "import { isActive } from '../users/domain/user';\nexport const f = isActive;\n",
    });
    assert.equal(exportFix(ws.root, 'src/orders/a.ts'), undefined);
  });

  it('leaves a name the public file already exports to "Import from the public API"', () => {
    ws = workspace({
      'src/users/index.ts': "export { isActive } from './domain/user';\n",
      'src/orders/a.ts': "import { isActive } from '../users/domain/user';\nexport const f = isActive;\n",
    });
    const session = openSession({ root: ws.root });
    assert.deepEqual(fixesFor(session, 'src/orders/a.ts').map((f) => f.kind), ['public-api', 'ignore-comment']);
  });
});
