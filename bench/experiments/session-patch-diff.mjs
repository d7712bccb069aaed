// Does an editor's session give a full analysis's answer after many edits on a real tree? Two
// sessions open the same workspace; random edits (an import of another file at a random line, an
// import line deleted, a line above everything, an export appended, the first re-export dropped, a
// local export made private) go to both as unsaved text, never undone but now and then reverted to
// the file's text on disk; the first session analyses as the editor does (patched when it can),
// the second analyses the whole workspace every time. Prints every difference and how the first
// session got its answer. Nothing is written to the tree.
// Needs `npm run build` (uses dist/engine.js).
// Usage: node bench/experiments/session-patch-diff.mjs <workspace> [--edits 300] [--seed 1]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { createRandom } from '../generator/random.mjs';
import { experimentArgs } from '../lib/experiment-args.mjs';

const { root: given, option } = experimentArgs();
const root = fs.realpathSync(given);
const edits = option('--edits', 300);
const random = createRandom(option('--seed', 1));
const engine = createRequire(import.meta.url)(path.join(import.meta.dirname, '../../dist/engine.js'));

const patched = engine.openWorkspace({ root });
const full = engine.openWorkspace({ root });
if (!patched.configured) throw new Error(`${root}: no usable bulkhead.json`);
const files = [...new Set(patched.fileEdges().map((e) => e.from))].sort();
const withFindings = [...new Set(patched.result.violations.map((v) => v.file))].filter((f) => files.includes(f));

const specifier = (from, to) => {
  const rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.[cm]?[jt]sx?$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
};
const mutations = [
  ['an import of another file', (t, file, step) => {
    const lines = t.split('\n');
    lines.splice(random.int(0, Math.min(lines.length, 30)), 0, `import { sessionPatchDiff${step} } from '${specifier(file, random.pick(files))}';`);
    return lines.join('\n');
  }],
  ['an import line deleted', (t) => {
    const lines = t.split('\n');
    const imports = lines.flatMap((l, i) => (/^import .* from /.test(l) ? [i] : []));
    if (imports.length > 0) lines.splice(random.pick(imports), 1);
    return lines.join('\n');
  }],
  ['a line above everything', (t) => `// edited\n${t}`],
  ['an export appended', (t, _file, step) => `${t}\nexport const sessionPatchDiffExport${step} = 1;\n`],
  ['the first re-export dropped', (t) => t.replace(/^export (\*|\{)[^\n]*from[^\n]*$/m, '')],
  ['a local export made private', (t) => t.replace(/^export (const|function|class|interface|type) /m, '$1 ')],
];
const comparable = (r) => JSON.stringify({ ...r, summary: { ...r.summary, durationMs: 0 } });

const texts = new Map();
const counts = { same: 0, different: 0, patched: 0, full: 0 };
const reasons = new Map();
for (let step = 0; step < edits; step++) {
  const file = random.chance(0.5) && withFindings.length > 0 ? random.pick(withFindings) : random.pick(files);
  const abs = path.join(root, file);
  let what;
  if (texts.has(file) && random.chance(0.1)) {
    // Back to the text on disk, as when an editor's changes are reverted.
    texts.delete(file);
    what = 'reverted';
    patched.updateFile(abs);
    full.updateFile(abs);
  } else {
    const [name, mutate] = random.pick(mutations);
    const text = mutate(texts.get(file) ?? fs.readFileSync(abs, 'utf8'), file, step);
    texts.set(file, text);
    what = name;
    patched.updateFile(abs, text);
    full.updateFile(abs, text);
  }
  const got = patched.analyze();
  // The full analysis: as after a change of the file list (a private field of the session's index).
  full.files.everything = true;
  const expected = full.analyze();
  if (full.lastAnalysis.patched) throw new Error('the second session patched: the experiment no longer forces a full analysis');
  const same = comparable(got) === comparable(expected);
  counts[same ? 'same' : 'different']++;
  const how = patched.lastAnalysis;
  if (how.patched) counts.patched++;
  else {
    counts.full++;
    reasons.set(how.reason, (reasons.get(how.reason) ?? 0) + 1);
  }
  if (!same) console.log(`DIFFERENT step ${step} ${what}: ${file} (${JSON.stringify(how)})`);
}
console.log(JSON.stringify({ ...counts, reasons: Object.fromEntries(reasons) }));
process.exitCode = counts.different > 0 ? 1 : 0;
