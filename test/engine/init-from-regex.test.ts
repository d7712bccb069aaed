import * as assert from 'node:assert/strict';
import { covers, fileSuffixGlob, folderGlobsOf } from '../../src/engine/init/from/regex-folders';

/** dependency-cruiser path regexes as Bulkhead folder globs (init --from dependency-cruiser). */
describe('init --from dependency-cruiser: path regexes as folder globs', () => {
  const globs = (regex: string): string[] | undefined => folderGlobsOf(regex)?.map((g) => g.glob);

  it('reads the folder patterns people write', () => {
    assert.deepEqual(globs('^src/shared/'), ['src/shared']);
    assert.deepEqual(globs('^src/shared'), ['src/shared']);
    assert.deepEqual(globs('^src/shared(/|$)'), ['src/shared']);
    assert.deepEqual(globs('^src/features/([^/]+)/'), ['src/features/<feature>']);
    assert.deepEqual(globs('^packages/[^/]+/src/'), ['packages/<package>/src']);
    assert.deepEqual(globs('^(src|bin|tools)'), ['src', 'bin', 'tools']);
    assert.deepEqual(globs('(^src/cli/)'), ['src/cli']);
    assert.deepEqual(globs('^src/main[.]ts$'), ['src/main.ts']);
    assert.deepEqual(globs('^src/main\\.ts$'), ['src/main.ts']);
  });

  it('knows "another folder than the importer\'s" and refuses the importer\'s own', () => {
    assert.deepEqual(folderGlobsOf('^src/features/(?!$1)[^/]+/'), [{ glob: 'src/features/<feature>', excludesSame: true, sameAsImporter: false }]);
    assert.equal(folderGlobsOf('^src/features/$1/internal')?.[0].sameAsImporter, true);
  });

  it('gives up on what is not a folder pattern', () => {
    assert.equal(globs('[.]json$'), undefined);
    assert.equal(globs('node_modules'), undefined);
    assert.equal(globs('^src/.*\\.spec\\.ts$'), undefined);
    assert.equal(globs('^src/(?:a|b)+'), undefined);
  });

  it('reads file-name exceptions as ignore globs', () => {
    assert.equal(fileSuffixGlob('\\.spec\\.ts$'), '**/*.spec.ts');
    assert.equal(fileSuffixGlob('[.](spec|test)[.]ts$'), '**/*.{spec,test}.ts');
    assert.equal(fileSuffixGlob('^test'), undefined);
  });

  it('knows which module globs lie under a pattern', () => {
    assert.ok(covers('src/features', 'src/features/<feature>'));
    assert.ok(covers('src/features/<feature>', 'src/features/cart'));
    assert.ok(!covers('src/features/cart', 'src/features/<feature>'));
    assert.ok(!covers('src/shared', 'src/features'));
  });
});
