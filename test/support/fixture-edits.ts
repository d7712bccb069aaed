import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckResult } from '../../src/engine';
import { FIXTURES } from './fixtures';

/** The fixtures a check opens with a session (not the init, config-error and bad-input ones). */
export function checkedFixtures(): string[] {
  return fs.readdirSync(FIXTURES).sort().filter((f) => fs.existsSync(path.join(FIXTURES, f, 'bulkhead.json')) && !f.startsWith('init-') && !f.startsWith('config-') && f !== 'bad-input');
}

/**
 * Edits for differential tests of incremental checks: each changes what a file imports or exports
 * (or only its lines) in a way a real edit does. `other` is a specifier of another workspace file.
 */
export const FIXTURE_EDITS: readonly { name: string; apply(text: string, other: string): string }[] = [
  { name: 'a new export', apply: (t) => `${t}\nexport const deltaEditExport = 1;\n` },
  { name: 'a line above everything', apply: (t) => `// edited\n${t}` },
  { name: 'an import of another file', apply: (t, other) => `import * as deltaEditOther from '${other}';\n${t}\nexport const deltaEditUse = deltaEditOther;\n` },
  { name: 'the first import commented out', apply: (t) => t.replace(/^import /m, '// import ') },
  // Barrels: what importers trace through them changes.
  { name: 'the first re-export dropped', apply: (t) => t.replace(/^export (\*|\{)[^\n]*from[^\n]*$/m, '') },
  { name: 'a local export made private', apply: (t) => t.replace(/^export (const|function|class|interface|type) /m, '$1 ') },
  { name: 'an import of a missing file', apply: (t) => `import { gone } from './delta-edit-missing';\n${t}\nexport const deltaEditGone = gone;\n` },
];

/** Up to four TypeScript files with findings, or that findings name (barrels, declarations), or with unresolved imports. */
export function filesWithFindings(result: CheckResult, root: string): string[] {
  return [...new Set(result.violations.flatMap((v) => [v.file, ...(v.related ?? []).map((r) => r.file)]).concat(result.unresolved.map((u) => u.file)))]
    .filter((f) => /\.(ts|tsx)$/.test(f) && fs.existsSync(path.join(root, f))).sort().slice(0, 4);
}

/** The specifier `from` imports `to` by (both workspace-relative). */
export function relativeSpecifier(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.(ts|tsx)$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** One step of a fixture differential: a file's new text (an edit, or the original back). */
export interface FixtureEditStep {
  fixture: string;
  /** Workspace-relative. */
  file: string;
  abs: string;
  text: string;
  /** "a new export", "a new export undone", …: for messages. */
  what: string;
}

/**
 * Every checked fixture copied to a temp folder (removed afterwards); in each, `first` gives the
 * opening check, then `step` is called for every edit of FIXTURE_EDITS on up to four files with
 * findings (see filesWithFindings), each followed by its undo. `step` applies the text its own way.
 */
export function eachFixtureEdit(first: (root: string) => CheckResult | undefined, step: (s: FixtureEditStep, root: string) => void): void {
  for (const fixture of checkedFixtures()) {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-fixture-edit-')));
    try {
      fs.cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
      const result = first(root);
      if (!result) continue;
      const sources = filesWithFindings(result, root);
      for (const file of sources) {
        const abs = path.join(root, file);
        const original = fs.readFileSync(abs, 'utf8');
        const other = sources.find((s) => s !== file);
        const otherSpecifier = other ? relativeSpecifier(file, other) : './missing';
        for (const edit of FIXTURE_EDITS) {
          const edited = edit.apply(original, otherSpecifier);
          if (edited === original) continue;
          step({ fixture, file, abs, text: edited, what: edit.name }, root);
          step({ fixture, file, abs, text: original, what: `${edit.name} undone` }, root);
        }
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
}
