import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace, openWorkspace, type CheckResult, type Session } from '../../src/engine';
import { FIXTURES } from '../support/fixtures';

const mutations: { name: string; apply(text: string, other: string): string }[] = [
  { name: 'a new export', apply: (t) => `${t}\nexport const sessionPatchExport = 1;\n` },
  { name: 'a line above everything', apply: (t) => `// edited\n${t}` },
  { name: 'an import of another file', apply: (t, other) => `import * as sessionPatchOther from '${other}';\n${t}\nexport const sessionPatchUse = sessionPatchOther;\n` },
  { name: 'the first import commented out', apply: (t) => t.replace(/^import /m, '// import ') },
  { name: 'the first re-export dropped', apply: (t) => t.replace(/^export (\*|\{)[^\n]*from[^\n]*$/m, '') },
  { name: 'a local export made private', apply: (t) => t.replace(/^export (const|function|class|interface|type) /m, '$1 ') },
  { name: 'an import of a missing file', apply: (t) => `import { gone } from './session-patch-missing';\n${t}\nexport const sessionPatchGone = gone;\n` },
];

/** The result without its timing. */
function comparable(result: CheckResult): CheckResult {
  return { ...result, summary: { ...result.summary, durationMs: 0 } };
}

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
    for (const fixture of fs.readdirSync(FIXTURES).sort()) {
      const source = path.join(FIXTURES, fixture);
      if (!fs.existsSync(path.join(source, 'bulkhead.json')) || fixture.startsWith('init-') || fixture.startsWith('config-') || fixture === 'bad-input') continue;
      const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-session-patch-')));
      try {
        fs.cpSync(source, root, { recursive: true });
        const session = openWorkspace({ root }) as Session;
        if (!session.configured) continue;
        const first = session.result;
        const sources = [...new Set(first.violations.flatMap((v) => [v.file, ...(v.related ?? []).map((r) => r.file)]).concat(first.unresolved.map((u) => u.file)))]
          .filter((f) => /\.(ts|tsx)$/.test(f) && fs.existsSync(path.join(root, f))).sort().slice(0, 4);
        for (const file of sources) {
          const abs = path.join(root, file);
          const original = fs.readFileSync(abs, 'utf8');
          const other = sources.find((s) => s !== file);
          const otherSpecifier = other ? relativeSpecifier(file, other) : './missing';
          for (const m of mutations) {
            const edited = m.apply(original, otherSpecifier);
            if (edited === original) continue;
            for (const [text, what] of [[edited, m.name], [original, `${m.name} undone`]] as const) {
              session.updateFile(abs, text);
              const got = session.analyze();
              fs.writeFileSync(abs, text);
              assert.deepEqual(comparable(got), comparable(checkWorkspace({ root })), `${fixture} ${file}: ${what} (${JSON.stringify(session.lastAnalysis)})`);
              steps++;
              const how = session.lastAnalysis!;
              if (how.patched) patched++;
              else reasons.set(how.reason, (reasons.get(how.reason) ?? 0) + 1);
            }
          }
        }
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
    if (process.env.SESSION_PATCH_REPORT) console.log({ steps, patched, reasons });
    // A patch path never taken would pass the comparisons without testing anything.
    assert.ok(steps > 100, `only ${steps} edits were checked`);
    assert.ok(patched > steps / 3, `patched ${patched} of ${steps} edits; analysed again: ${JSON.stringify([...reasons])}`);
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
      assert.deepEqual(comparable(got), comparable(checkWorkspace({ root })));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

function relativeSpecifier(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.(ts|tsx)$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
