import * as assert from 'node:assert/strict';
import { checkWorkspace } from '../../../src/engine';
import { importNxDepConstraints } from '../../../src/engine/init/eslint-dep-constraints';
import { uniqueNames } from '../../../src/engine/init/unique-names';
import { firstCheckOf } from '../../../src/engine/draft-module-map';
import { findNestModules } from '../../../src/engine/init/nest-modules';
import { unresolvedIntoIgnored } from '../../../src/engine/init/generated-imports';
import { tempWorkspace } from '../../support/temp-workspace';

const NX_RULE = `'@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          // the team's layering
          depConstraints: [
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: "type:ui", notDependOnLibsWithTags: ["type:app"], },
          ],
        },
      ]`;

describe('init: reading the repo', () => {
  it('reads the depConstraints of a flat eslint.config.mjs statically, without running it', () => {
    const ws = tempWorkspace({
      'eslint.config.mjs': `import nx from '@nx/eslint-plugin';\nthrow new Error('must not run');\nexport default [{ rules: { ${NX_RULE} } }];\n`,
    });
    try {
      const { constraints, note } = importNxDepConstraints(ws.root);
      assert.deepEqual(constraints, [
        { from: 'tag:scope:web', allow: ['tag:scope:web', 'tag:scope:shared'] },
        { from: 'tag:type:ui', deny: ['tag:type:app'] },
      ]);
      assert.match(note ?? '', /2 of 2 depConstraints .* eslint\.config\.mjs/);
    } finally {
      ws.dispose();
    }
  });

  it('says so, and imports nothing, when the flat config builds depConstraints in code', () => {
    const ws = tempWorkspace({
      'eslint.config.js': `const scopes = ['a', 'b'];\nmodule.exports = [{ rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: scopes.map((s) => ({ sourceTag: s })) }] } }];\n`,
    });
    try {
      const { constraints, note } = importNxDepConstraints(ws.root);
      assert.deepEqual(constraints, []);
      assert.match(note ?? '', /not a plain literal; copy them into "constraints" by hand/);
    } finally {
      ws.dispose();
    }
  });

  it('skips regex tags instead of mistranslating them', () => {
    const ws = tempWorkspace({
      '.eslintrc.json': JSON.stringify({ rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [{ sourceTag: '/^scope.*/', onlyDependOnLibsWithTags: ['scope:shared'] }] }] } }),
    });
    try {
      const { constraints, note } = importNxDepConstraints(ws.root);
      assert.deepEqual(constraints, []);
      assert.match(note ?? '', /1 use regex tags/);
    } finally {
      ws.dispose();
    }
  });

  it('makes module names unique with as much of the path as it takes', () => {
    assert.deepEqual(uniqueNames([{ folder: 'src/Contexts/Mooc/Courses' }, { folder: 'src/Contexts/Backoffice/Courses' }, { folder: 'src/a/x/shared' }, { folder: 'src/b/x/shared' }, { folder: 'src/api', name: 'api' }]), [
      'Mooc/Courses',
      'Backoffice/Courses',
      'a/x/shared',
      'b/x/shared',
      'api',
    ]);
  });

  it('takes NestJS @Module folders (outermost, not the app root) and not Angular @NgModule ones', () => {
    const files: Record<string, string> = {
      'src/app.module.ts': `import { Module } from '@nestjs/common';\n@Module({})\nexport class AppModule {}\n`,
      'src/users/users.module.ts': `import { Module } from '@nestjs/common';\n@Module({ providers: [UsersService], exports: [UsersService, TypeOrmModule] })\nexport class UsersModule {}\n`,
      'src/users/users.service.ts': 'export class UsersService {}\n',
      'src/users/persistence/persistence.module.ts': `import { Module } from '@nestjs/common';\n@Module({})\nexport class PersistenceModule {}\n`,
      'src/web/web.module.ts': `import { NgModule } from '@angular/core';\n@NgModule({})\nexport class WebModule {}\n`,
    };
    const found = findNestModules(Object.keys(files).sort(), (f) => files[f]);
    assert.deepEqual(found, [{ folder: 'src/users', public: ['users.module.ts', 'users.service.ts'] }]);
  });
});

describe('init: unresolved imports of build output and generated code', () => {
  const packages = new Map<string, { folder: string; entry?: string; exports?: unknown }>([
    ['@ide/core', { folder: 'packages/core', entry: 'lib/common/index.d.ts' }],
    ['@ide/plugin', { folder: 'packages/plugin', entry: './src/plugin.d.ts' }],
    ['@ide/framework', { folder: 'packages/framework', exports: { '.': './lib/index.js', './utils': { types: './lib/utils/index.d.ts' }, './flows/*': './lib/flows/*.js' } }],
  ]);
  const gitignores: Record<string, string> = { '.gitignore': 'node_modules\nlib\n**/prisma/generated-prisma-client\n', 'libs/types/.gitignore': 'src/types/\n' };
  const read = (file: string): string | undefined => gitignores[file];

  it('counts relative and workspace-package imports into what .gitignore ignores, by outermost ignored folder', () => {
    const { count, roots } = unresolvedIntoIgnored(
      read,
      [
        { file: 'packages/search/src/search.ts', specifier: '@ide/core/lib/browser' },
        { file: 'packages/nav/src/nav.ts', specifier: '@ide/core/lib/common/uri' },
        { file: 'apps/api/src/prisma/prisma.service.ts', specifier: '../../prisma/generated-prisma-client' },
        { file: 'packages/cli/bin/cli.js', specifier: '../lib/cli' },
        { file: 'packages/nav/src/nav.ts', specifier: '@ide/core' },
        { file: 'libs/types/src/index.ts', specifier: './types' },
        { file: 'src/a.ts', specifier: '@ide/framework' },
        { file: 'src/a.ts', specifier: '@ide/framework/utils' },
        { file: 'src/a.ts', specifier: '@ide/framework/flows/cart' },
      ],
      (name) => packages.get(name),
    );
    assert.equal(count, 9);
    assert.deepEqual(roots, ['packages/core/lib', 'packages/framework/lib', 'apps/api/prisma/generated-prisma-client', 'libs/types/src/types', 'packages/cli/lib']);
  });

  it('leaves out imports of files that are simply missing, packages whose entry is not ignored, and other packages', () => {
    const { count } = unresolvedIntoIgnored(
      read,
      [
        { file: 'src/a.ts', specifier: './missing' },
        { file: 'src/a.ts', specifier: '@ide/plugin' },
        { file: 'src/a.ts', specifier: 'left-pad/lib/index' },
        { file: 'src/a.ts', specifier: '../../outside/lib/x' },
      ],
      (name) => packages.get(name),
    );
    assert.equal(count, 0);
    assert.equal(unresolvedIntoIgnored(() => undefined, [{ file: 'src/a.ts', specifier: '../lib/x' }], () => undefined).count, 0);
  });
});

describe('config: defaults.public', () => {
  const files = {
    'src/users/users.module.ts': 'export class UsersModule {}\n',
    'src/users/users.repo.ts': 'export const repo = 1;\n',
    'src/orders/orders.ts': "import { UsersModule } from '../users/users.module';\nimport { repo } from '../users/users.repo';\nexport const o = [UsersModule, repo];\n",
  };
  const modules = [
    { name: 'users', path: 'src/users' },
    { name: 'orders', path: 'src/orders', dependsOn: ['users'] },
  ];

  it('is the public API of modules without their own, and the message says how to declare one', () => {
    const ws = tempWorkspace({ ...files, 'bulkhead.json': JSON.stringify({ defaults: { public: ['*.module.ts'] }, modules }) });
    const bare = tempWorkspace({ ...files, 'bulkhead.json': JSON.stringify({ modules }) });
    try {
      const withDefaults = checkWorkspace({ root: ws.root });
      assert.deepEqual(withDefaults.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.deepEqual(withDefaults.violations.map((v) => `${v.rule} ${v.specifier}`), ['internal-import ../users/users.repo']);
      assert.match(withDefaults.violations[0].message, /Import from its public API \(src\/users\/users\.module\.ts\)/);

      const without = checkWorkspace({ root: bare.root });
      assert.equal(without.violations.length, 2);
      for (const v of without.violations) assert.match(v.message, /has no public API file yet .*"public": \["…"\] on the module, or "defaults": \{ "public": \["…"\] \}/);
    } finally {
      ws.dispose();
      bare.dispose();
    }
  });

  it('is validated like the rest of the map', () => {
    const ws = tempWorkspace({ ...files, 'bulkhead.json': JSON.stringify({ defaults: { public: 'index.ts', exports: [] }, modules }) });
    try {
      const messages = checkWorkspace({ root: ws.root }).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`);
      assert.deepEqual(messages, ['1:23 "public" must be an array of strings.', '1:34 Unknown property "exports" in "defaults". Allowed: public.']);
    } finally {
      ws.dispose();
    }
  });
});

describe('init: the drafted map is loaded before it is written', () => {
  it('reports the errors of a map that does not load, and not those of the workspace', () => {
    const ws = tempWorkspace({ 'src/a/a.ts': 'export const a = 1;\n', 'src/b/b.ts': 'export const b = 1;\n', 'tsconfig.json': '{ "extends": "./missing.json" }' });
    try {
      const good = firstCheckOf(ws.root, JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }));
      assert.deepEqual(good, { findings: {}, problems: [] });
      const bad = firstCheckOf(ws.root, '{ "modules": [{ "name": "x", "path": "src/a" }, { "name": "x", "path": "src/b" }] }');
      assert.deepEqual(bad.problems, ['bulkhead.json:1:59: Module name "x" is declared twice (also by modules[0]).']);
    } finally {
      ws.dispose();
    }
  });
});
