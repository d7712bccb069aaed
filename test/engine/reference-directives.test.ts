import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { openSession } from '../support/open-session';
import { FIXTURES } from '../support/fixtures';
import { tempWorkspace } from '../support/temp-workspace';

const ROOT = path.join(FIXTURES, 'imports-triple-slash');

describe('triple-slash reference directives', () => {
  it('say "reference" where the messages name what the code does', () => {
    const messages = checkWorkspace({ root: ROOT }).violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}: ${v.message}`);
    assert.ok(messages.includes(
      'internal-import src/app/main.ts:2: "../shared/internal/env.d.ts" reaches into the internals of module "shared" (src/shared/internal/env.d.ts). Reference its public API (src/shared/index.ts) instead.',
    ), messages.join('\n'));
    assert.ok(messages.includes(
      'unresolved-import src/app/main.ts:4: Cannot find "./missing.d.ts": this /// <reference path> names no file TypeScript would read, so its dependency cannot be checked.',
    ), messages.join('\n'));
  });

  it('are explained like imports: a resolved file, or an unresolved type package', () => {
    const session = openSession({ root: ROOT });
    const explained = session.explain('src/app/main.ts')!.imports.map((i) => `${i.specifier} → ${i.resolution}${i.allowed ? '' : ' (not allowed)'}`);
    assert.deepEqual(explained, [
      '../shared/globals.d.ts → src/shared/globals.d.ts',
      '../shared/internal/env.d.ts → src/shared/internal/env.d.ts (not allowed)',
      'vite/client → unresolved',
      './missing.d.ts → unresolved',
      '../shared → src/shared/index.ts',
    ]);
  });
});

describe('module augmentations', () => {
  it('say "augment" in the internal-import advice', () => {
    const messages = checkWorkspace({ root: path.join(FIXTURES, 'imports-ambient-modules') }).violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}: ${v.message}`);
    assert.ok(messages.includes(
      'internal-import src/app/store-extensions.ts:4: "../billing/internal/store" reaches into the internals of module "billing" (src/billing/internal/store.ts). Augment its public API (src/billing/index.ts) instead.',
    ), messages.join('\n'));
  });
});

describe('ignore comments on import directives', () => {
  it('silence a violation of a reference directive or a pragma, as the quick fix writes them', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'app', path: 'src/app', dependsOn: ['ui'] }, { name: 'ui', path: 'src/ui', dependsOn: [] }] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', paths: { '@ui/*': ['./src/ui/*'] } } }),
      'src/ui/index.ts': 'export const x = 1;\n',
      'src/ui/internal/env.d.ts': 'declare const __ENV__: string;\n',
      'src/ui/jsx-runtime.ts': 'export const jsx = 1;\n',
      'src/app/main.ts': [
        '/**',
        ' * // bulkhead-ignore internal-import: the runtime is ours',
        ' * @jsxImportSource @ui',
        ' */',
        '// bulkhead-ignore internal-import: env typings move in PLAT-9',
        '/// <reference path="../ui/internal/env.d.ts" />',
        'export const y = 1;',
      ].join('\n'),
    });
    try {
      const result = checkWorkspace({ root: ws.root });
      assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}`), []);
      assert.equal(result.summary.suppressed, 2);
    } finally {
      ws.dispose();
    }
  });
});
