import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findImpurities } from '../support/engine-purity';

const ENGINE = path.resolve(__dirname, '..', '..', '..', '..', 'src', 'engine');

function engineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return engineFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the engine is pure', () => {
  it('no file in src/engine imports vscode or the LSP libraries, writes to the console or ends the process', () => {
    const files = engineFiles(ENGINE);
    assert.ok(files.length > 50, `expected the engine's sources under ${ENGINE}`);
    const found = files.flatMap((file) =>
      findImpurities(file, fs.readFileSync(file, 'utf8')).map((i) => `${path.relative(ENGINE, file)}:${i.line} ${i.what}`),
    );
    assert.deepEqual(found, []);
  });

  it('the check finds each kind of impurity (so the test above can fail)', () => {
    const planted = [
      "import * as vscode from 'vscode';",
      "import type { Connection } from 'vscode-languageserver/node';",
      "const lc = require('vscode-languageclient');",
      "type T = import('vscode').Uri;",
      "export { x } from 'vscode';",
      "console.log('hi');",
      'process.exit(2);',
      "process.stderr.write('x');",
      "const fine = 'console.log(process.exit)'; // text, not code",
    ].join('\n');
    assert.deepEqual(
      findImpurities('planted.ts', planted).map((i) => `${i.line} ${i.what}`),
      [
        '1 imports "vscode"',
        '2 imports "vscode-languageserver/node"',
        '3 imports "vscode-languageclient"',
        '4 imports "vscode"',
        '5 imports "vscode"',
        '6 uses console.log',
        '7 uses process.exit',
        '8 uses process.stderr',
      ],
    );
  });
});
