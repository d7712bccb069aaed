import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace, openWorkspace, type CheckResult, type Session } from '../../src/engine';
import { FIXTURES } from '../support/fixtures';
import { eachFixtureEdit } from '../support/fixture-edits';
import { tempWorkspace } from '../support/temp-workspace';
import { withoutTiming } from '../support/without-timing';

/**
 * Differential (issue 16): an editor's session, fed edits as unsaved buffers, patches its last
 * analysis instead of analysing the whole workspace (see patchedAnalysis). After every edit and
 * every undo, the session's result must be what a fresh check of the same text on disk gives.
 */
describe('session: an edit patches the last analysis, as a fresh check finds', function () {
  this.timeout(300_000);

  it('every fixture, its files with findings edited several ways and undone', () => {
    let steps = 0;
    let patched = 0;
    const reasons = new Map<string, number>();
    let session: Session | undefined;
    eachFixtureEdit((root) => {
      const opened = openWorkspace({ root });
      session = opened.configured ? opened : undefined;
      return session?.result;
    }, ({ fixture, file, abs, text, what }, root) => {
      session!.updateFile(abs, text);
      const got = session!.analyze();
      fs.writeFileSync(abs, text);
      assert.deepEqual(withoutTiming(got), withoutTiming(checkWorkspace({ root })), `${fixture} ${file}: ${what} (${JSON.stringify(session!.lastAnalysis)})`);
      steps++;
      const how = session!.lastAnalysis!;
      if (how.patched) patched++;
      else reasons.set(how.reason, (reasons.get(how.reason) ?? 0) + 1);
    });
    if (process.env.SESSION_PATCH_REPORT) console.log({ steps, patched, reasons });
    // A patch path never taken would pass the comparisons without testing anything.
    assert.ok(steps > 100, `only ${steps} edits were checked`);
    assert.ok(patched > steps / 3, `patched ${patched} of ${steps} edits; analysed again: ${JSON.stringify([...reasons])}`);
  });

  it("a line typed above a barrel's re-exports re-analyses only the files whose findings quote them", () => {
    const files: Record<string, string> = {
      'bulkhead.json': JSON.stringify({
        modules: [{ name: 'a', path: 'src/a', dependsOn: ['b'] }, { name: 'b', path: 'src/b', dependsOn: ['d'] }, { name: 'c', path: 'src/c', dependsOn: ['b', 'd'] }, { name: 'd', path: 'src/d' }],
      }),
      'src/d/index.ts': 'export const x = 1;\n',
      'src/b/index.ts': "export { x } from '../d';\n",
      'src/a/main.ts': "import { x } from '../b';\nexport const a = x;\n",
    };
    // more importers than a patch takes when every importer of the barrel counts
    for (let i = 0; i < 40; i++) files[`src/c/user${i}.ts`] = `import { x } from '../b';\nexport const u${i} = x;\n`;
    const ws = tempWorkspace(files);
    try {
      const session = openWorkspace({ root: ws.root }) as Session;
      assert.match(session.result.violations[0].message, /src\/b\/index\.ts:1 re-exports/);
      const barrel = path.join(ws.root, 'src/b/index.ts');
      const text = "// the b module's public API\nexport { x } from '../d';\n";
      session.updateFile(barrel, text);
      const got = session.analyze();
      assert.deepEqual(session.lastAnalysis, { patched: true, files: 2 });
      assert.match(got.violations[0].message, /src\/b\/index\.ts:2 re-exports/);
      fs.writeFileSync(barrel, text);
      assert.deepEqual(withoutTiming(got), withoutTiming(checkWorkspace({ root: ws.root })));
    } finally {
      ws.dispose();
    }
  });

  it('analyses the whole workspace when the file list changes, and patches again after', () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-session-patch-')));
    try {
      fs.cpSync(path.join(FIXTURES, 'resolve-reexports'), root, { recursive: true });
      const session = openWorkspace({ root }) as Session;
      const created = path.join(root, 'src/app/created.ts');
      fs.writeFileSync(created, "export const created = 1;\n");
      session.updateFile(created);
      session.analyze();
      assert.equal(session.lastAnalysis?.patched, false);
      session.updateFile(created, "export const created = 2;\nexport const more = 3;\n");
      const got = session.analyze();
      assert.equal(session.lastAnalysis?.patched, true);
      fs.writeFileSync(created, "export const created = 2;\nexport const more = 3;\n");
      assert.deepEqual(withoutTiming(got), withoutTiming(checkWorkspace({ root })));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * A module outside the root has no scanned files: internal-import advises the shortest public file
 * of it that any import reaches. A patch keeps those files per module (UnscannedTargets); an edit
 * that changes which one is shortest changes the advice of files it did not re-analyse.
 */
describe('session: a patch keeps the public files reached outside the scan', function () {
  this.timeout(60_000);

  it('patches while the advised file stays, and matches a fresh check when it changes', () => {
    const ws = tempWorkspace({
      'apps/web/bulkhead.json': JSON.stringify({ modules: [{ name: 'web', path: 'src', dependsOn: ['ui'] }, { name: 'ui', path: '../../libs/ui', public: ['src/*.ts'] }] }),
      'apps/web/src/page.ts': "import { button } from '../../../libs/ui/src/internal/button';\nimport { ui } from '../../../libs/ui/src/index';\nexport const page = [button, ui];\n",
      'apps/web/src/other.ts': "import { ui } from '../../../libs/ui/src/index';\nexport const other = ui;\n",
      'libs/ui/src/index.ts': "export const ui = 1;\n",
      'libs/ui/src/a.ts': "export const a = 1;\n",
      'libs/ui/src/internal/button.ts': "export const button = 1;\n",
    });
    try {
      const root = path.join(ws.root, 'apps/web');
      const session = openWorkspace({ root }) as Session;
      const other = path.join(root, 'src/other.ts');
      const advice = (result: CheckResult): string[] => result.violations.filter((v) => v.rule === 'internal-import').map((v) => `${v.file} ${/public API \(([^)]*)\)/.exec(v.message)?.[1]}`);
      assert.deepEqual(advice(session.result), ['src/page.ts ../../libs/ui/src/index.ts']);
      // other.ts imports only public files, so the patch never asks for the advice: it must notice the change itself.
      const steps: [string, boolean, string[]][] = [
        ["// a line\nimport { ui } from '../../../libs/ui/src/index';\nexport const other = ui;\n", true, ['src/page.ts ../../libs/ui/src/index.ts']],
        // A shorter public file is reached: page.ts, which the patch does not re-analyse, is advised it.
        ["import { a } from '../../../libs/ui/src/a';\nexport const other = a;\n", false, ['src/page.ts ../../libs/ui/src/a.ts']],
        ["import { a } from '../../../libs/ui/src/a';\nexport const other = [a, 2];\n", true, ['src/page.ts ../../libs/ui/src/a.ts']],
        ["import { button } from '../../../libs/ui/src/internal/button';\nimport { a } from '../../../libs/ui/src/a';\nexport const other = [button, a];\n", true, ['src/other.ts ../../libs/ui/src/a.ts', 'src/page.ts ../../libs/ui/src/a.ts']],
      ];
      for (const [text, patched, expected] of steps) {
        session.updateFile(other, text);
        const got = session.analyze();
        fs.writeFileSync(other, text);
        assert.deepEqual(withoutTiming(got), withoutTiming(checkWorkspace({ root })));
        assert.deepEqual(advice(got), expected);
        assert.equal(session.lastAnalysis?.patched, patched, JSON.stringify(session.lastAnalysis));
      }
    } finally {
      ws.dispose();
    }
  });
});
