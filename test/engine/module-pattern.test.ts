import * as assert from 'node:assert/strict';
import { compileModulePattern, fillPlaceholders } from '../../src/engine/map/module-pattern';

describe('module path patterns', () => {
  const match = (pattern: string, dir: string) => compileModulePattern(pattern).match(dir);

  it('captures placeholders one folder deep', () => {
    assert.deepEqual(match('src/modules/<name>', 'src/modules/billing'), { name: 'billing' });
    assert.equal(match('src/modules/<name>', 'src/modules/billing/domain'), undefined);
    assert.equal(match('src/modules/<name>', 'src/modules'), undefined);
  });

  it('captures several placeholders and parts of a folder name', () => {
    assert.deepEqual(match('src/vs/platform/<area>/<env>', 'src/vs/platform/files/common'), { area: 'files', env: 'common' });
    assert.deepEqual(match('libs/<name>-feature', 'libs/cart-feature'), { name: 'cart' });
    assert.equal(match('libs/<name>-feature', 'libs/cart-ui'), undefined);
  });

  it('supports globstars, braces and wildcards the way minimatch does', () => {
    assert.deepEqual(match('src/**/<env>', 'src/a/b/common'), { env: 'common' });
    assert.deepEqual(match('src/**/<env>', 'src/common'), { env: 'common' });
    assert.deepEqual(match('src/{api,web}', 'src/web'), {});
    assert.equal(match('src/{api,web}', 'src/cli'), undefined);
    assert.deepEqual(match('packages/*/src', 'packages/core/src'), {});
    assert.equal(match('packages/*/src', 'packages/core/lib'), undefined);
  });

  it('accepts ./ prefixes, trailing slashes and Windows separators', () => {
    assert.deepEqual(match('./src/modules/<name>/', 'src/modules/users'), { name: 'users' });
    assert.deepEqual(match('src\\modules\\<name>', 'src/modules/users'), { name: 'users' });
  });

  it('escapes regex characters in literal folder names', () => {
    assert.deepEqual(match('src/a.b+c', 'src/a.b+c'), {});
    assert.equal(match('src/a.b+c', 'src/aXb+c'), undefined);
  });

  it('fills placeholders into names, dependsOn and tags', () => {
    assert.equal(fillPlaceholders('<name>-contracts', { name: 'orders' }), 'orders-contracts');
    assert.equal(fillPlaceholders('env:<env>', {}), 'env:<env>');
  });
});
