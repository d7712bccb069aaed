import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { extractDatabaseFacts, mayMentionDatabase } from '../../src/engine/extract/database/extract-database-facts';
import { FIXTURES, REPO_ROOT } from '../support/fixtures';

const SOURCE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(full);
    return SOURCE.test(e.name) ? [full] : [];
  });
}

/**
 * Files where the database walk finds facts but `hint` would not let the walk run: the engine
 * walks a file only when `mayMentionDatabase` admits its text (and the scanner's CodeHints,
 * differential-tested against it in scan-facts.test.ts), so such a fact is silently never found.
 */
function unadmitted(files: string[], hint: (text: string) => boolean): string[] {
  return files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    const facts = extractDatabaseFacts(sf);
    if (!facts || hint(text)) return [];
    const found = [...facts.references.map((r) => `${r.via} ${r.name}`), ...facts.declarations.map((d) => `${d.orm} ${d.table}`)];
    return [`${path.relative(REPO_ROOT, file)}: ${found.join(', ')}`];
  });
}

describe('database detectors and the hint that gates them', () => {
  const files = [...sourceFiles(FIXTURES), ...sourceFiles(path.join(REPO_ROOT, 'examples'))];

  it('every fact a detector finds in the fixtures and examples is in a file the hint admits', () => {
    assert.ok(files.length > 100, `expected the fixtures' sources, found ${files.length}`);
    const withFacts = files.filter((f) => extractDatabaseFacts(ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false)));
    assert.ok(withFacts.length > 20, `expected database fixtures, found ${withFacts.length} files with facts`);
    assert.deepEqual(unadmitted(files, mayMentionDatabase), []);
  });

  it('names the files a detector would miss when its words are not in the hint (so the test above can fail)', () => {
    // As if the Knex and Drizzle detectors had been added without their words in DATABASE_HINT.
    const strict = unadmitted(files, (text) => !/\b(?:knex|pgTable|sqliteTable|mysqlTable)\b/.test(text) && mayMentionDatabase(text));
    assert.ok(strict.some((f) => f.startsWith('test/fixtures/db-express-knex/')), strict.join('\n'));
    assert.ok(strict.some((f) => f.startsWith('test/fixtures/db-drizzle/')), strict.join('\n'));
  });
});
