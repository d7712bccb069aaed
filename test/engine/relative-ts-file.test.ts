import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { relativeTsFile } from '../../src/engine/resolve/relative-ts-file';
import { random } from '../support/random';
import { RESOLUTION_SETTINGS, type ResolutionSetting } from '../support/resolution-settings';
import { tempWorkspace } from '../support/temp-workspace';

const R = ts.ModuleResolutionKind;
const SETTINGS: readonly ResolutionSetting[] = [
  ...RESOLUTION_SETTINGS,
  { name: 'rootDirs', options: { moduleResolution: R.Bundler, module: ts.ModuleKind.ESNext, rootDirs: ['src', 'gen'] }, modes: [undefined] },
  { name: 'moduleSuffixes', options: { moduleResolution: R.Bundler, module: ts.ModuleKind.ESNext, moduleSuffixes: ['.ios', ''] }, modes: [undefined] },
];

/** Files that may stand where `./x` can lead (under src/). */
const CANDIDATES: Record<string, string> = {
  'x.ts': 'export const x = 1;\n',
  'x.tsx': 'export const x = 2;\n',
  'x.d.ts': 'export declare const x: number;\n',
  'x.js': 'export const x = 3;\n',
  'x.ios.ts': 'export const x = 4;\n',
  'x.json': '{}\n',
  'x/index.ts': 'export const x = 5;\n',
  'x/index.tsx': 'export const x = 6;\n',
  'x/index.d.ts': 'export declare const x: number;\n',
  'x/index.js': 'export const x = 7;\n',
  'x/package.json': JSON.stringify({ types: './typed.d.ts', main: './main.js' }),
  'x/typed.d.ts': 'export declare const x: string;\n',
  'x/main.js': 'exports.x = 8;\n',
  '../gen/x.ts': 'export const x = 9;\n',
};
const SPECIFIERS = ['./x', '../src/x', './x.js', './x.ts', './x/', './x/index', '.', '..', './x.ios', './X'];

describe('relative imports answered without TypeScript\'s resolver', () => {
  it('gives TypeScript\'s answer whenever it answers, on random layouts, for every resolution setting and mode', () => {
    const ws = tempWorkspace({ 'src/a.ts': "import { x } from './x';\n" });
    const next = random(16);
    let answered = 0;
    let compared = 0;
    try {
      for (let layout = 0; layout < 160; layout++) {
        fs.rmSync(path.join(ws.root, 'src/x'), { recursive: true, force: true });
        fs.rmSync(path.join(ws.root, 'gen'), { recursive: true, force: true });
        for (const f of fs.readdirSync(path.join(ws.root, 'src'))) if (f !== 'a.ts') fs.rmSync(path.join(ws.root, 'src', f));
        const present = Object.keys(CANDIDATES).filter(() => next() < 0.35);
        for (const rel of present) {
          const abs = path.join(ws.root, 'src', rel);
          fs.mkdirSync(path.dirname(abs), { recursive: true });
          fs.writeFileSync(abs, CANDIDATES[rel]);
        }
        const containing = path.join(ws.root, 'src/a.ts');
        for (const { name, options, modes } of SETTINGS) {
          const projectOptions = options.rootDirs ? { ...options, rootDirs: options.rootDirs.map((d) => path.join(ws.root, d)) } : options;
          for (const mode of modes) {
            for (const specifier of SPECIFIERS) {
              const quick = relativeTsFile(specifier, path.dirname(containing), projectOptions, mode, { exists: ts.sys.fileExists, isFile: ts.sys.fileExists });
              compared++;
              if (quick === undefined) continue;
              answered++;
              const typescript = ts.resolveModuleName(specifier, containing, projectOptions, ts.sys, undefined, undefined, mode).resolvedModule?.resolvedFileName;
              assert.equal(quick, typescript, `layout ${layout} [${present.join(', ')}], ${name} mode ${mode}: ${specifier}`);
            }
          }
        }
      }
    } finally {
      ws.dispose();
    }
    // The fast path must answer a good share of what it is asked, or this compares nothing.
    assert.ok(answered > compared / 20, `answered ${answered} of ${compared}`);
  });
});
