import * as assert from 'node:assert/strict';
import { GLOB_LIMITS, braceExpansions, globLimitProblem } from '../../src/engine/glob/glob-limits';
import { compileModulePattern } from '../../src/engine/map/module-pattern';
import { LspStdio } from '../support/lsp-stdio';
import { runCli } from '../support/run-cli';
import { tempWorkspace } from '../support/temp-workspace';

/** Folder names as long as file systems allow, made of the letter the hostile globs repeat. */
const LONG = 'a'.repeat(240);
const STARRY = `src/${'*a'.repeat(12)}*b/**`;
const DEEP_PATH = Array.from({ length: 50 }, () => 'x').join('/');
const GLOBSTARS = `${Array.from({ length: 14 }, () => '**').join('/x/')}/y`;
const BRACES = `src/${'{a,b}'.repeat(18)}/**`;

function hostileWorkspace(config: object) {
  const files: Record<string, string> = { 'bulkhead.json': JSON.stringify(config, null, 2) };
  for (let i = 0; i < 20; i++) files[`src/${LONG}${i}/index.ts`] = 'export const a = 1;\n';
  files[`${DEEP_PATH}/deep.ts`] = 'export const d = 1;\n';
  return tempWorkspace(files);
}

const CONFIG = {
  ignore: [STARRY],
  modules: [
    { name: 'deep', path: GLOBSTARS },
    { name: 'pairs', path: BRACES },
    { name: 'ok', path: 'src/*a*b' },
  ],
};

describe('robustness: hostile globs in bulkhead.json are config errors, never a hang', function () {
  this.timeout(120_000);

  it('the limits name what they measure', () => {
    assert.match(globLimitProblem(STARRY)!, /13 wildcards .* limit is 3 per segment/);
    assert.match(globLimitProblem(GLOBSTARS)!, /14 "\*\*" segments; the limit is 4/);
    assert.match(globLimitProblem(BRACES)!, /expands to 262144 patterns .* limit is 64/);
    assert.match(globLimitProblem('x'.repeat(GLOB_LIMITS.length + 1))!, /limited to 512 characters/);
    assert.equal(braceExpansions('src/{a,b{c,d}}/{1..10}/{x}'), 30);
    assert.equal(braceExpansions('{1..100000000}'), 1_000_000);
    for (const fine of ['src/**/*.spec.ts', 'src/modules/<name>', '**/{a,b}/**/*.{ts,tsx}', 'src/*-*-*.ts', '\\*\\*\\*\\*']) {
      assert.equal(globLimitProblem(fine), undefined, fine);
    }
  });

  it('a module path with 14 "**" over a 50-deep tree matches nothing, at once', () => {
    const started = Date.now();
    assert.equal(compileModulePattern(GLOBSTARS).match(`${DEEP_PATH}/z`), undefined);
    assert.ok(Date.now() - started < 1000);
  });

  it('CLI: exit 2 within seconds, each glob reported at bulkhead.json:line:col with its limit', () => {
    const ws = hostileWorkspace(CONFIG);
    try {
      const started = Date.now();
      const r = runCli(['check', '--format', 'json'], ws.root);
      const elapsed = Date.now() - started;
      assert.equal(r.code, 2, r.stderr);
      assert.ok(elapsed < 20_000, `took ${elapsed} ms`);
      const globs = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'invalid-glob');
      assert.deepEqual(
        globs.map((d: { range: { start: { line: number; column: number } }; message: string }) => `${d.range.start.line}:${d.range.start.column} ${d.message.slice(0, 40)}`),
        ['3:5 The glob in ignore[0] has 13 wildcards i', '8:15 The glob in modules[0].path has 14 "**" ', '12:15 The glob in modules[1].path expands to 2'],
      );
      const text = runCli(['check'], ws.root);
      assert.match(text.stdout + text.stderr, /bulkhead\.json\n\s+3:5\s+error\s+The glob in ignore\[0\] has 13 wildcards in the path segment .*; the limit is 3 per segment/);
    } finally {
      ws.dispose();
    }
  });

  it('language server over stdio: publishes the config errors and keeps answering', async () => {
    const ws = hostileWorkspace(CONFIG);
    const server = new LspStdio();
    try {
      await server.open(ws.root);
      const published = await server.waitFor((p) => p.uri.endsWith('/bulkhead.json') && p.diagnostics.some((d) => d.code === 'invalid-glob'), 30_000);
      assert.equal(published.diagnostics.filter((d) => d.code === 'invalid-glob').length, 3);
      await server.ping(5_000);
    } finally {
      server.dispose();
      ws.dispose();
    }
  });
});
