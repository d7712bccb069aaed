import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, openWorkspace, type CheckResult, type Session } from '../../src/engine';
import { relativeSpecifier } from '../support/fixture-edits';
import { random } from '../support/random';
import { tempWorkspace } from '../support/temp-workspace';
import { withoutTiming } from '../support/without-timing';

const MODULES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
const FILES = ['index.ts', 'model.ts', 'service.ts', 'view.ts'];

const cycleViolations = (result: CheckResult): string => JSON.stringify(result.violations.filter((v) => v.rule === 'cycle'));

/**
 * Differential (issue 16): a session's patch recomputes the module cycles from the module graph
 * it keeps (per pair: direct imports and the first site) instead of analysing the workspace
 * again. Random edits add, drop and move imports between six modules (and break the syntax of
 * some files, whose notices must keep the order a full read gives), so loops close and open,
 * groups merge and split, and the quoted first sites move; after each, the session's result must
 * be a fresh check's.
 */
describe('session: module cycles follow edits in a patch', function () {
  this.timeout(300_000);

  for (const seed of [1, 2, 3, 4]) {
    it(`random edits between six modules (seed ${seed})`, () => {
      const next = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
      const all = MODULES.flatMap((m) => FILES.map((f) => `src/${m}/${f}`));
      const text = new Map<string, string>();
      for (const file of all) {
        const [, module, name] = file.split('/');
        const own = `export const ${module}${name.replace('.ts', '')} = 1;\n`;
        const barrel = name === 'index.ts' ? `export * from './model';\n` : '';
        const target = pick(all.filter((f) => !f.startsWith(`src/${module}/`)));
        text.set(file, `import { x } from '${relativeSpecifier(file, target)}';\n${barrel}${own}`);
      }
      const config = { modules: MODULES.map((m, i) => ({ name: m, path: `src/${m}`, dependsOn: MODULES.filter((o, j) => o !== m && (j + i) % 3 !== 0) })) };
      const ws = tempWorkspace({ 'bulkhead.json': JSON.stringify(config, null, 2), ...Object.fromEntries(text) });
      try {
        const session = openWorkspace({ root: ws.root }) as Session;
        let previous = session.result;
        let patched = 0;
        let cyclesPatched = 0;
        for (let step = 0; step < 120; step++) {
          // Now and then two files change before the analysis, as when a save touches several.
          const changed = next() < 0.3 ? [pick(all), pick(all)] : [pick(all)];
          for (const file of changed) {
            const lines = text.get(file)!.split('\n');
            const imports = lines.map((l, i) => (l.startsWith('import ') ? i : -1)).filter((i) => i >= 0);
            const kind = next();
            if (kind < 0.45) {
              const [, module] = file.split('/');
              const target = pick(all.filter((f) => !f.startsWith(`src/${module}/`)));
              lines.splice(Math.floor(next() * (lines.length - 1)), 0, `import { y${step} } from '${relativeSpecifier(file, target)}';`);
            } else if (kind < 0.75 && imports.length > 0) lines.splice(pick(imports), 1);
            else if (kind < 0.85) lines.push(`export const broken${step} = ;`);
            else lines.unshift('');
            text.set(file, lines.join('\n'));
            session.updateFile(path.join(ws.root, file), text.get(file));
          }
          const got = session.analyze();
          for (const file of changed) fs.writeFileSync(path.join(ws.root, file), text.get(file)!);
          const how = JSON.stringify(session.lastAnalysis);
          assert.deepEqual(withoutTiming(got), withoutTiming(checkWorkspace({ root: ws.root })), `seed ${seed} step ${step} ${changed.join(', ')} (${how})`);
          if (session.lastAnalysis?.patched) {
            patched++;
            if (cycleViolations(got) !== cycleViolations(previous)) cyclesPatched++;
          }
          previous = got;
        }
        // Patches that never changed a cycle would pass without testing what this is about.
        assert.ok(patched > 100, `patched ${patched} of 120 edits`);
        assert.ok(cyclesPatched >= 10, `only ${cyclesPatched} patches changed the cycle findings`);
      } finally {
        ws.dispose();
      }
    });
  }

  it('a first site that moves to a file the patch did not re-analyse', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a', dependsOn: ['b'] }, { name: 'b', path: 'src/b', dependsOn: ['a'] }] }),
      'src/a/a1.ts': "import { b } from '../b/b';\nexport const one = b;\n",
      'src/a/a2.ts': "import { b } from '../b/b';\nexport const two = b;\n",
      'src/a/a3.ts': "import { b } from '../b/b';\nexport const three = b;\n",
      'src/b/b.ts': "import { one } from '../a/a1';\nexport const b = one;\n",
      'src/a/index.ts': "export { one } from './a1';\n",
      'src/b/index.ts': "export { b } from './b';\n",
    });
    try {
      const session = openWorkspace({ root: ws.root }) as Session;
      assert.match(session.result.violations.find((v) => v.rule === 'cycle')!.message, /a → b at src\/a\/a1\.ts:1/);
      // a1.ts loses its import and a3.ts moves its own: the first site is now a2.ts's, which only the kept graph knows.
      const edits = { 'src/a/a1.ts': 'export const one = 1;\n', 'src/a/a3.ts': "\nimport { b } from '../b/b';\nexport const three = b;\n" };
      for (const [file, text] of Object.entries(edits)) session.updateFile(path.join(ws.root, file), text);
      const got = session.analyze();
      assert.equal(session.lastAnalysis?.patched, true, JSON.stringify(session.lastAnalysis));
      assert.match(got.violations.find((v) => v.rule === 'cycle')!.message, /a → b at src\/a\/a2\.ts:1/);
      for (const [file, text] of Object.entries(edits)) fs.writeFileSync(path.join(ws.root, file), text);
      assert.deepEqual(withoutTiming(got), withoutTiming(checkWorkspace({ root: ws.root })));
    } finally {
      ws.dispose();
    }
  });
});
