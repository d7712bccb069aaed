import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { openSession } from '../support/open-session';
import { tempWorkspace } from '../support/temp-workspace';
import { runCli } from '../support/run-cli';

const TWO_MODULES = JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] });
const VIOLATION = "import { x } from '../b/internal';\n";
const noStack = (text: string): void => assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/);

describe('robustness: hostile workspaces give a clean result with clear messages', function () {
  this.timeout(120_000);

  it('syntax errors everywhere: every file is reported, parsable imports still checked', () => {
    const files: Record<string, string> = { 'bulkhead.json': TWO_MODULES, 'src/b/internal.ts': 'export const x = 1;\n' };
    const garbage = ['{{{{', 'class {', ')))) =>', 'import {', '<div', '`unterminated ${', '/* open comment', 'export = = ;', '@@@'];
    for (let i = 0; i < 120; i++) files[`src/a/broken-${i}.ts`] = `${VIOLATION}${garbage[i % garbage.length]}\n${'}'.repeat(i % 7)}\n) ] ;;; @\n`;
    const ws = tempWorkspace(files);
    try {
      const result = checkWorkspace({ root: ws.root });
      assert.equal(result.violations.filter((v) => v.rule === 'internal-import').length, 120);
      assert.equal(result.diagnostics.filter((d) => d.code === 'syntax-error').length, 120);
      const cli = runCli(['check', ws.root]);
      assert.equal(cli.code, 1);
      noStack(cli.stdout + cli.stderr);
    } finally {
      ws.dispose();
    }
  });

  it('a 10 MB generated file is read for its imports only, with a notice; a 3 MB minified bundle is scanned', () => {
    const minified = `${VIOLATION}${'var a=function(b){return b+1};'.repeat(100_000)}\n`;
    const ws = tempWorkspace({
      'bulkhead.json': TWO_MODULES,
      'src/b/internal.ts': 'export const x = 1;\n',
      'src/a/bundle.min.js': minified,
      'src/a/generated.ts': `export const blob = "${'y'.repeat(10 * 1024 * 1024)}";\n`,
    });
    try {
      const result = checkWorkspace({ root: ws.root });
      assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.file}`), ['large-file src/a/generated.ts']);
      assert.deepEqual([...new Set(result.violations.map((v) => v.file))], ['src/a/bundle.min.js']);
    } finally {
      ws.dispose();
    }
  });

  it('binary, UTF-16 and Latin-1 files named .ts never crash the scan; UTF-16 with a byte-order mark is read', () => {
    const ws = tempWorkspace({
      'bulkhead.json': TWO_MODULES,
      'src/b/internal.ts': 'export const x = 1;\n',
      'src/a/image.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'src/a/utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VIOLATION, 'utf16le')]),
      'src/a/latin1.ts': Buffer.concat([Buffer.from(VIOLATION), Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0xe8, 0x0a])]),
      'src/a/random.ts': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    });
    try {
      const result = checkWorkspace({ root: ws.root });
      const codes = Object.fromEntries(result.diagnostics.map((d) => [d.file, d.code]));
      assert.equal(codes['src/a/image.ts'], 'binary');
      assert.equal(codes['src/a/utf16.ts'], 'utf-16');
      assert.ok(result.violations.some((v) => v.file === 'src/a/utf16.ts'), 'TypeScript decodes it, so its import counts');
      assert.equal(codes['src/a/latin1.ts'], 'not-utf8');
      assert.ok(result.violations.some((v) => v.file === 'src/a/latin1.ts'));
    } finally {
      ws.dispose();
    }
  });

  it('a named pipe, a dangling link and a socket-like entry named .ts do not hang or fail the scan', () => {
    const ws = tempWorkspace({ 'bulkhead.json': TWO_MODULES, 'src/a/index.ts': VIOLATION, 'src/b/internal.ts': 'export const x = 1;\n' });
    try {
      execFileSync('mkfifo', [path.join(ws.root, 'src/a/pipe.ts')]);
      fs.symlinkSync(path.join(ws.root, 'nowhere.ts'), path.join(ws.root, 'src/a/dangling.ts'));
      const result = checkWorkspace({ root: ws.root });
      assert.equal(result.summary.files, 2);
      assert.equal(result.violations.length, 2);
    } finally {
      ws.dispose();
    }
  });

  it('1,000 nested folders', () => {
    const deep = Array.from({ length: 1000 }, () => 'd').join('/');
    const ws = tempWorkspace({
      'bulkhead.json': TWO_MODULES,
      'src/b/internal.ts': 'export const x = 1;\n',
      [`src/a/${deep}/leaf.ts`]: `import { x } from '${'../'.repeat(1001)}b/internal';\n`,
    });
    try {
      const result = checkWorkspace({ root: ws.root });
      assert.equal(result.summary.files, 2);
      assert.deepEqual(result.violations.map((v) => v.rule), ['internal-import', 'undeclared-dependency']);
    } finally {
      ws.dispose();
    }
  });

  it('a file changed during the scan yields the old or the new version, consistently', () => {
    const ws = tempWorkspace({ 'bulkhead.json': TWO_MODULES, 'src/a/first.ts': 'export {};\n', 'src/a/zz-changing.ts': 'export {};\n', 'src/b/internal.ts': 'export const x = 1;\n' });
    try {
      let changed = false;
      const session = openSession({
        root: ws.root,
        onProgress: () => {
          if (!changed) fs.writeFileSync(path.join(ws.root, 'src/a/zz-changing.ts'), VIOLATION);
          changed = true;
        },
      });
      const result = session.result;
      assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.file}`), ['internal-import src/a/zz-changing.ts', 'undeclared-dependency src/a/zz-changing.ts']);
    } finally {
      ws.dispose();
    }
  });

  it('unicode and spaces in paths and module names; Windows-style separators in the config', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({
        ignore: ['src\\módulos\\**\\*.spec.ts'],
        modules: [{ name: 'faturação 💶', path: 'src\\finanças\\faturação com espaço' }, { name: '<name>', path: 'src\\módulos\\<name>' }],
      }),
      'src/finanças/faturação com espaço/index.ts': 'export const total = 1;\n',
      'src/finanças/faturação com espaço/interno.ts': 'export const segredo = 1;\n',
      'src/módulos/envios/index.ts': "import { segredo } from '../../finanças/faturação com espaço/interno';\nexport const e = segredo;\n",
      'src/módulos/envios/index.spec.ts': "import { segredo } from '../../finanças/faturação com espaço/interno';\n",
    });
    try {
      const result = checkWorkspace({ root: ws.root });
      assert.deepEqual(result.diagnostics.filter((d) => d.severity !== 'info'), []);
      assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.file} ${v.sourceModule} -> ${v.targetModule}`), [
        'internal-import src/módulos/envios/index.ts envios -> faturação 💶',
        'undeclared-dependency src/módulos/envios/index.ts envios -> faturação 💶',
      ]);
      const cli = runCli(['check', ws.root]);
      assert.match(cli.stdout, /src\/módulos\/envios\/index\.ts/);
    } finally {
      ws.dispose();
    }
  });

  it('empty, whitespace-only, huge and invalid bulkhead.json: a diagnostic with line:col, exit 2, no stack trace', () => {
    const modules = Array.from({ length: 3000 }, (_, i) => ({ name: `m${i}`, path: `src/m${i}`, dependsOn: [`m${(i + 1) % 3000}`] }));
    const cases: [string, string, RegExp][] = [
      ['empty', '', /bulkhead\.json\n\s+1:1\s+error/],
      ['whitespace', '  \n\n ', /\d+:\d+\s+error\s+JSON syntax error/],
      ['array', '[1, 2]', /1:1\s+error\s+bulkhead\.json must be an object/],
      ['not json', 'modules: []', /1:1\s+error\s+JSON syntax error/],
      ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, /1:1\s+error/],
      ['wrong types', '{\n  "modules": [\n    { "name": 7, "path": ["src/a", 3] }\n  ],\n  "rules": { "cycle": "fatal" }\n}', /3:15\s+error\s+"name" must be a string[\s\S]*3:36\s+error\s+Each entry of "path" must be a string[\s\S]*5:23\s+error\s+Severity of "cycle"/],
      ['huge', JSON.stringify({ modules }, null, 1), /configuration error|No boundary violations|empty-module-path/],
    ];
    for (const [name, text, expected] of cases) {
      const ws = tempWorkspace({ 'bulkhead.json': text, 'src/a/index.ts': 'export {};\n' });
      try {
        const r = runCli(['check', ws.root]);
        noStack(r.stdout + r.stderr);
        assert.match(r.stdout + r.stderr, expected, `${name}:\n${r.stdout}${r.stderr}`);
        if (name !== 'huge') assert.equal(r.code, 2, name);
      } finally {
        ws.dispose();
      }
    }
  });
});
