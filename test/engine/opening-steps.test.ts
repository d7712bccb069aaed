import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkWorkspace, WorkspaceOpening, type OpeningProgress } from '../../src/engine';
import { tempWorkspace } from '../support/temp-workspace';
import { withoutTiming } from '../support/without-timing';

/** Two modules, the second spread over many folders, and one internal import. */
function manyFolders(folders: number): Record<string, string> {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a', dependsOn: ['b'] }, { name: 'b', path: 'src/b' }] }),
    'src/a/index.ts': "import { x0 } from '../b/f0/x';\nexport const a = x0;\n",
    'src/b/index.ts': "export const b = 1;\n",
  };
  for (let i = 0; i < folders; i++) files[`src/b/f${i}/x.ts`] = `export const x${i} = ${i};\n`;
  return files;
}

/**
 * The language server runs an opening in slices of ~25 ms between the editor's messages; discovery
 * (one folder per step) is part of them, so a Cancel or a request waits at most a slice even on a
 * tree of thousands of folders (issue 16).
 */
describe('workspace opening in steps', () => {
  it('discovers one folder per step, counting the files found, and ends with the one-step result', () => {
    const ws = tempWorkspace(manyFolders(30));
    try {
      const opening = new WorkspaceOpening({ root: ws.root });
      const setupSteps: OpeningProgress[] = [];
      let readingSteps = 0;
      for (;;) {
        const settingUp = opening.settingUp;
        if (opening.advance(() => true)) break;
        if (settingUp) setupSteps.push({ ...opening.progress });
        else readingSteps++;
      }
      // the root, src, src/a, src/b and its 30 folders, then the step that ends the setup
      assert.ok(setupSteps.length >= 35, `${setupSteps.length} setup steps`);
      assert.deepEqual(setupSteps.at(-1), { done: 0, total: 32 });
      const found = setupSteps.slice(0, -1).map((p) => p.found ?? -1);
      assert.deepEqual(found, [...found].sort((x, y) => x - y), 'found only grows');
      assert.equal(found.at(-1), 32);
      assert.equal(readingSteps, 32);
      assert.ok(opening.setupMs !== undefined && opening.analysisMs !== undefined);
      assert.deepEqual(withoutTiming(opening.advance()!.result), withoutTiming(checkWorkspace({ root: ws.root })));
    } finally {
      ws.dispose();
    }
  });

  it('asked for early findings while setting up, it first finishes the setup', () => {
    const ws = tempWorkspace(manyFolders(5));
    try {
      const opening = new WorkspaceOpening({ root: ws.root });
      assert.equal(opening.advance(() => true), undefined);
      assert.ok(opening.settingUp);
      const early = opening.earlyViolations([{ absFile: path.join(ws.root, 'src/a/index.ts') }]);
      assert.ok(!opening.settingUp);
      assert.deepEqual(early.get('src/a/index.ts')!.violations.map((v) => v.rule), ['internal-import']);
      assert.equal(opening.progress.done, 0, 'no file read yet');
    } finally {
      ws.dispose();
    }
  });

  it('a config it cannot read ends the opening at the first step', () => {
    const ws = tempWorkspace({ 'bulkhead.json': '{ "modules": [ }', 'src/a.ts': 'export const a = 1;\n' });
    try {
      const opened = new WorkspaceOpening({ root: ws.root }).advance(() => true);
      assert.ok(opened && !opened.configured);
      assert.equal(opened.result.diagnostics[0].file, 'bulkhead.json');
    } finally {
      ws.dispose();
    }
  });
});
