import * as assert from 'node:assert/strict';
import { spareImportedPackages } from '../../../src/engine/init/spared-packages';

const FILES = [
  'packages/test/src/index.ts', 'packages/test/src/tree.spec.ts', 'packages/test/src/.eslintrc.js',
  'packages/e2e/src/run.ts',
  'packages/debug/src/session.ts', 'packages/debug/src/test/helper.ts',
];
const PACKAGES = [{ name: '@ide/test', folder: 'packages/test' }, { name: '@ide/e2e', folder: 'packages/e2e' }, { name: '@ide/debug', folder: 'packages/debug' }, { folder: 'packages/unnamed' }];
const IGNORE = ['**/*.spec.*', '**/test/**', '**/e2e/**', '**/.*.{js,cjs,mjs,ts}'];
const KEPT = ['packages/debug/src/session.ts'];

describe('init: workspace packages the test globs swallow but product code imports', () => {
  it('takes back a package imported by name from a kept file, then leaves out its own tests again', () => {
    const texts: Record<string, string> = { 'packages/debug/src/session.ts': "import { TestService } from '@ide/test';\n", 'packages/debug/src/test/helper.ts': "import '@ide/e2e';\n" };
    const { ignore, spared } = spareImportedPackages(IGNORE, FILES, KEPT, PACKAGES, (f) => texts[f]);
    assert.deepEqual(spared, ['@ide/test (packages/test)']);
    assert.deepEqual(ignore, [...IGNORE, '!packages/test/**', 'packages/test/**/*.spec.*', 'packages/test/**/.*.{js,cjs,mjs,ts}'], 'e2e is imported only by an ignored test helper: it stays out');
  });

  it('also for a deep import, and not for a name that only starts the same', () => {
    const spare = (text: string) => spareImportedPackages(IGNORE, FILES, KEPT, PACKAGES, () => text).spared;
    assert.deepEqual(spare('const t = require("@ide/test/lib/common/test-service");'), ['@ide/test (packages/test)']);
    assert.deepEqual(spare("import x from '@ide/testing';\nimport y from '@ide/test-utils';"), []);
  });

  it('changes nothing when no package folder is swallowed', () => {
    const files = ['packages/debug/src/session.ts'];
    assert.deepEqual(spareImportedPackages(IGNORE, files, files, PACKAGES, () => "import '@ide/test';"), { ignore: IGNORE, spared: [] });
  });
});
