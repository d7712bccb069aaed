import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, WorkspaceOpening, type CheckResult, type RuleId, type Violation } from '../../src/engine';
import { NEEDS_EVERY_FILE } from '../../src/engine/check';
import { FIXTURES } from '../support/fixtures';
import { checkedFixtures } from '../support/fixture-edits';
import { tempWorkspace } from '../support/temp-workspace';
import { withoutTiming } from '../support/without-timing';

/** What the full result says of one file for the rules told early. */
function toldEarly(result: CheckResult, file: string): Violation[] {
  return result.violations.filter((v) => v.file === file && !NEEDS_EVERY_FILE.has(v.rule) && !(v.rule === 'unused-ignore' && namedRules(v).some((r) => NEEDS_EVERY_FILE.has(r))));
}

/** The rules an unused-ignore finding's comment names ("no cycle/internal-import violation on line 3"). */
function namedRules(v: Violation): RuleId[] {
  return (/^Unused bulkhead-ignore: no (\S+) violation/.exec(v.message)?.[1] ?? '').split('/') as RuleId[];
}

describe('early violations: a few files told before the workspace is read', () => {
  /**
   * Differential: every file of every fixture, asked alone and all together, against the full
   * check. A file asked early has exactly the full result's violations of the early rules.
   */
  it('every fixture file alone and all at once equals the full result for the early rules', function () {
    this.timeout(300_000);
    let told = 0;
    let withViolations = 0;
    for (const fixture of checkedFixtures()) {
      const root = path.join(FIXTURES, fixture);
      const result = checkWorkspace({ root });
      const files = sourceFilesOf(root);
      for (const file of files) {
        const early = new WorkspaceOpening({ root }).earlyViolations([{ absFile: path.join(root, file) }]);
        const got = early.get(file);
        if (!got) continue; // not told early (e.g. an import of a module without a public file)
        told++;
        if (got.violations.length > 0) withViolations++;
        assert.deepEqual(got.violations, toldEarly(result, file), `${fixture} ${file}`);
        assert.deepEqual(got.diagnostics, result.diagnostics.filter((d) => d.file === file), `${fixture} ${file}: read notices`);
      }
      const all = new WorkspaceOpening({ root }).earlyViolations(files.map((f) => ({ absFile: path.join(root, f) })));
      for (const [file, { violations }] of all) assert.deepEqual(violations, toldEarly(result, file), `${fixture} ${file} (all at once)`);
    }
    console.log(`told ${told}, with ${withViolations}`);
    // the differential must have compared something real
    assert.ok(told > 300, `only ${told} files told early`);
    assert.ok(withViolations > 60, `only ${withViolations} of them with violations`);
  });

  it("an open buffer's text is used instead of the disk", () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
      'src/a/index.ts': "export const a = 1;\n",
      'src/b/index.ts': "export const b = 1;\n",
      'src/b/internal.ts': "export const i = 1;\n",
    });
    try {
      const opening = new WorkspaceOpening({ root: ws.root });
      const text = "import { i } from '../b/internal';\nexport const a = i;\n";
      const early = opening.earlyViolations([{ absFile: path.join(ws.root, 'src/a/index.ts'), text }]);
      assert.deepEqual(early.get('src/a/index.ts')!.violations.map((v) => `${v.rule} ${v.range.start.line}`), ['internal-import 1', 'undeclared-dependency 1']);
      fs.writeFileSync(path.join(ws.root, 'src/a/index.ts'), text);
      const full = checkWorkspace({ root: ws.root });
      assert.deepEqual(early.get('src/a/index.ts')!.violations, toldEarly(full, 'src/a/index.ts'));
    } finally {
      ws.dispose();
    }
  });

  it('an ignore comment naming a rule told only at the end is not reported unused early', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a', dependsOn: ['b'] }, { name: 'b', path: 'src/b', dependsOn: ['a'] }] }),
      'src/a/index.ts': "// bulkhead-ignore cycle: a known loop, untangled in the next release\nimport { b } from '../b';\n// bulkhead-ignore internal-import: nothing to silence here\nexport const a = b;\n",
      'src/b/index.ts': "import { a } from '../a';\nexport const b = 1;\nexport const c = a;\n",
    });
    try {
      const early = new WorkspaceOpening({ root: ws.root }).earlyViolations([{ absFile: path.join(ws.root, 'src/a/index.ts') }]);
      assert.deepEqual(early.get('src/a/index.ts')!.violations.map((v) => `${v.rule} ${v.range.start.line}`), ['unused-ignore 3']);
    } finally {
      ws.dispose();
    }
  });

  it('tells nothing once the opening is finished, and finishing gives the full check', () => {
    const root = path.join(FIXTURES, 'resolve-reexports');
    const opening = new WorkspaceOpening({ root });
    let steps = 0;
    while (!opening.advance(() => true)) steps++;
    assert.ok(steps > 3, `${steps} steps`);
    assert.equal(opening.progress.done, opening.progress.total);
    const stepwise = opening.advance()!.result;
    const once = checkWorkspace({ root });
    assert.deepEqual(withoutTiming(stepwise), withoutTiming(once));
    assert.equal(opening.earlyViolations([{ absFile: path.join(root, 'src/app/main.ts') }]).size, 0);
  });
});

/** A fixture's source files on disk (the opening leaves out those it does not scan). */
function sourceFilesOf(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const d of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory() && d.name !== 'node_modules') walk(child);
      else if (d.isFile() && /\.[cm]?[jt]sx?$/.test(d.name)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}
