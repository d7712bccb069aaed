import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveAsset } from '../../src/engine/resolve/asset-resolution';

const FILES = new Set(['/w/src/app/x.css', '/w/src/app/a.txt', '/w/src/ui/logo.svg', '/w/src/ui/special/logo.svg', '/w/assets/font.woff2', '/w/src/app/odd#name.css'].map((f) => path.resolve(f)));
const exists = (f: string): boolean => FILES.has(f);
const FROM = path.resolve('/w/src/app/main.ts');

function resolved(specifier: string, options = {}): string | undefined {
  const found = resolveAsset(specifier, FROM, options, exists);
  return found && path.relative(path.resolve('/w'), found).split(path.sep).join('/');
}

describe('asset resolution', () => {
  it('finds existing files next to the importer, without a bundler suffix', () => {
    assert.equal(resolved('./x.css'), 'src/app/x.css');
    assert.equal(resolved('./a.txt?raw'), 'src/app/a.txt');
    assert.equal(resolved('./x.css?inline#top'), 'src/app/x.css');
    assert.equal(resolved('../ui/logo.svg#close'), 'src/ui/logo.svg');
    assert.equal(resolved('./odd#name.css'), 'src/app/odd#name.css', 'the name as written comes first');
    assert.equal(resolved('./missing.css'), undefined);
    assert.equal(resolved('./'), undefined, 'a folder is no file');
  });

  it('follows paths (the longest matching prefix, an exact key first) and baseUrl, never package names', () => {
    const options = { baseUrl: path.resolve('/w'), paths: { '@/*': ['src/*'], '@/ui/*': ['src/ui/special/*'], '@logo': ['src/ui/logo.svg'] } };
    assert.equal(resolved('@/ui/logo.svg', options), 'src/ui/special/logo.svg');
    assert.equal(resolved('@/app/x.css?url', options), 'src/app/x.css');
    assert.equal(resolved('@logo', options), 'src/ui/logo.svg');
    assert.equal(resolved('assets/font.woff2', options), 'assets/font.woff2');
    assert.equal(resolved('assets/font.woff2'), undefined, 'without baseUrl a bare name is a package');
    assert.equal(resolved('#internal/x.css', options), undefined, 'a subpath import keeps its #');
    assert.equal(resolved('@/ui/logo.svg', { paths: { '@/*': ['./src/*'] }, pathsBasePath: path.resolve('/w') }), 'src/ui/logo.svg');
  });
});
