import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFacts } from '../../src/engine/extract/extract-facts';
import { scanFacts } from '../../src/engine/extract/scan-facts';

const REPO = path.resolve(__dirname, '../../../..');
const SOURCE = /\.(?:[cm]?ts|[cm]?js|[jt]sx)$/;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f) && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile());
}

describe('scanner fast path against the full parse on every fixture and example', () => {
  it('gives the same facts for every file it accepts, and accepts most of them', () => {
    const files = [...sourceFiles(path.join(REPO, 'test/fixtures')), ...sourceFiles(path.join(REPO, 'examples'))];
    let accepted = 0;
    const differing: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const scanned = scanFacts(file, text);
      if (!scanned) continue;
      accepted++;
      const parsed = parseFacts(file, text);
      // A file with a syntax error the fast path accepts would lose its notice; none of ours may.
      if (parsed.syntaxError) differing.push(`${path.relative(REPO, file)}: accepted despite "${parsed.syntaxError.message}"`);
      else if (!isEqual(scanned, parsed)) differing.push(`${path.relative(REPO, file)}:\n  scan  ${JSON.stringify(scanned)}\n  parse ${JSON.stringify(parsed)}`);
    }
    assert.deepEqual(differing, []);
    assert.ok(files.length > 200, `only ${files.length} files found`);
    assert.ok(accepted > files.length / 2, `the fast path took only ${accepted} of ${files.length} files`);
  });
});

function isEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}
