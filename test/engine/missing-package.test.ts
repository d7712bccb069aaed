import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { packageSurelyMissing } from '../../src/engine/resolve/missing-package';
import { random } from '../support/random';
import { RESOLUTION_SETTINGS, type ResolutionSetting } from '../support/resolution-settings';
import { tempWorkspace } from '../support/temp-workspace';

const R = ts.ModuleResolutionKind;
const SETTINGS: readonly ResolutionSetting[] = [
  ...RESOLUTION_SETTINGS,
  { name: 'baseUrl', options: { moduleResolution: R.Bundler, module: ts.ModuleKind.ESNext, baseUrl: '.' }, modes: [undefined] },
  { name: 'paths', options: { moduleResolution: R.Bundler, module: ts.ModuleKind.ESNext, paths: { 'baz/*': ['./libs/baz/*'], qux: ['./libs/baz/x.ts'] } }, modes: [undefined] },
];

/** What may stand in a node_modules folder (a path ending in `/` is a folder with an index.d.ts). */
const ENTRIES = [
  'foo/', 'foo.d.ts', 'foo.ts', 'foo.js', '@scope/name/', '@scope/other/', '@types/foo/', '@types/foo.d.ts',
  '@types/scope__name/', 'bar/', 'qux.tsx',
];
const SPECIFIERS = ['foo', 'foo/sub', '@scope/name', '@scope/name/sub', '@scope/missing', 'bar', 'baz', 'baz/x', 'qux', '#x', '@scope', 'foo//x'];

/** The folders above `dir` whose node_modules TypeScript searches, nearest first (as ResolutionHost.nodeModulesChain). */
function chainOf(dir: string): string[] {
  const chain: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    if (path.basename(d) !== 'node_modules' && fs.existsSync(path.join(d, 'node_modules'))) chain.push(d);
    if (path.dirname(d) === d) return chain;
  }
}

describe('bare names TypeScript cannot resolve, told without its resolver', () => {
  it('is never wrong: whenever it says a package is missing, TypeScript finds nothing (random layouts, every setting and mode)', () => {
    const ws = tempWorkspace({ 'pkg/src/a.ts': "import { x } from 'foo';\n", 'libs/baz/x.ts': 'export const x = 1;\n' });
    const next = random(30);
    let missing = 0;
    let asked = 0;
    try {
      for (let layout = 0; layout < 120; layout++) {
        for (const folder of ['node_modules', 'pkg/node_modules']) fs.rmSync(path.join(ws.root, folder), { recursive: true, force: true });
        const present: string[] = [];
        for (const folder of ['node_modules', 'pkg/node_modules']) {
          if (next() < 0.25) continue;
          fs.mkdirSync(path.join(ws.root, folder), { recursive: true });
          for (const entry of ENTRIES.filter(() => next() < 0.2)) {
            const abs = path.join(ws.root, folder, entry);
            present.push(`${folder}/${entry}`);
            if (entry.endsWith('/')) {
              fs.mkdirSync(abs, { recursive: true });
              fs.writeFileSync(path.join(abs, 'index.d.ts'), 'export declare const x: number;\n');
            } else {
              fs.mkdirSync(path.dirname(abs), { recursive: true });
              fs.writeFileSync(abs, 'export const x = 1;\n');
            }
          }
        }
        const containing = path.join(ws.root, 'pkg/src/a.ts');
        const chain = chainOf(path.dirname(containing));
        for (const { name, options, modes } of SETTINGS) {
          const projectOptions = options.baseUrl || options.paths ? { ...options, baseUrl: options.baseUrl && ws.root, pathsBasePath: ws.root } : options;
          for (const mode of modes) {
            for (const specifier of SPECIFIERS) {
              asked++;
              if (!packageSurelyMissing(specifier, chain, projectOptions, '', { directoryExists: ts.sys.directoryExists, fileExists: ts.sys.fileExists })) continue;
              missing++;
              const found = ts.resolveModuleName(specifier, containing, projectOptions, ts.sys, undefined, undefined, mode).resolvedModule;
              assert.equal(found?.resolvedFileName, undefined, `layout ${layout} [${present.join(', ')}], ${name} mode ${mode}: ${specifier}`);
            }
          }
        }
      }
    } finally {
      ws.dispose();
    }
    assert.ok(missing > asked / 10, `said missing for ${missing} of ${asked}`);
  });
});
