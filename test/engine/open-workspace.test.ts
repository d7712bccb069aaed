import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { openWorkspace, type OpenedWorkspace, type Session } from '../../src/engine';
import { tempWorkspace } from '../support/temp-workspace';

const TWO_MODULES = JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] });

/**
 * The order of calls is the type's business: `openWorkspace` does the full check, and only a
 * configured workspace has methods to edit or question. The lines under `@ts-expect-error` are
 * checked by `npm run typecheck`, which fails if any of them compiles.
 */
function wrongOrderDoesNotCompile(opened: OpenedWorkspace, session: Session): void {
  // @ts-expect-error analyze() exists only once the config was read
  opened.analyze();
  // @ts-expect-error updateFile() exists only once the config was read
  opened.updateFile('src/a/x.ts', '');
  // @ts-expect-error there is no separate full check to forget: opening is the check
  session.check();
  if (!opened.configured) {
    // @ts-expect-error an unconfigured workspace answers no questions
    opened.moduleOf('src/a/x.ts');
    return;
  }
  opened.updateFile('src/a/x.ts', '');
  opened.analyze();
}

describe('openWorkspace: a ready session or the config problems', () => {
  it('has no method that can be called in the wrong order (type level)', () => {
    assert.equal(typeof wrongOrderDoesNotCompile, 'function');
  });

  it('reports a missing config as an unconfigured workspace with its error', () => {
    const ws = tempWorkspace({ 'src/a/x.ts': 'export {};\n' });
    try {
      const opened = openWorkspace({ root: ws.root });
      assert.equal(opened.configured, false);
      assert.equal(opened.configFile, path.join(ws.root, 'bulkhead.json'));
      const errors = opened.result.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(errors.length, 1);
      assert.equal(errors[0].file, 'bulkhead.json');
      assert.deepEqual([opened.result.violations, opened.result.summary.files], [[], 0]);
      assert.equal(opened.needsFullCheck(path.join(ws.root, 'bulkhead.json')), true);
    } finally {
      ws.dispose();
    }
  });

  it('reports a config that is not JSON at its line, and is ready once the config is fixed', () => {
    const ws = tempWorkspace({ 'bulkhead.json': '{\n  "modules": [\n}\n', 'src/a/x.ts': "import '../b/y';\n", 'src/b/y.ts': 'export {};\n' });
    try {
      const broken = openWorkspace({ root: ws.root });
      assert.equal(broken.configured, false);
      const [error] = broken.result.diagnostics;
      assert.equal(`${error.file}:${error.severity}`, 'bulkhead.json:error');
      assert.ok(error.range.start.line >= 2, `line ${error.range.start.line}`);

      const fixed = openWorkspace({ root: ws.root, configText: TWO_MODULES });
      assert.equal(fixed.configured, true);
      if (!fixed.configured) return;
      assert.deepEqual(fixed.result.violations.map((v) => v.rule), ['internal-import', 'undeclared-dependency']);
      assert.equal(fixed.moduleOf('src/b/y.ts'), 'b');
      assert.deepEqual(fixed.analyze().violations, fixed.result.violations);
    } finally {
      ws.dispose();
    }
  });
});
