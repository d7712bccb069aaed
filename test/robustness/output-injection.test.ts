import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xmlText } from '../../src/cli/escape/xml-text';
import { runCli } from '../support/run-cli';
import { tempWorkspace } from '../support/temp-workspace';

/** Folder and module names an untrusted repository can choose, aimed at every output format. */
const EVIL_DIR = 'e\n::add-mask::leak\u001b[2J|<b>x</b> #?% `y`';
const EVIL_MODULE = 'm\n::error file=a::pwned\u001b]0;title\u0007|<img src=x>\ud800\uffff\ufffe"#quot;';
const CALLER_DIR = '::notice::caller';
const COLON_DIR = 'c:';

/** sax (strict mode) comes with the dev tools (@vscode/vsce → xml2js); it is typed here for the one use. */
interface SaxParser {
  onerror: (e: Error) => void;
  onopentag: (tag: { name: string; attributes: Record<string, unknown> }) => void;
  write(xml: string): { close(): void };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sax = require('sax') as { parser(strict: boolean): SaxParser };

const ESC = /\u001b/;
const WORKFLOW_LINE = /^\s*::/;
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** Fails unless `xml` holds only XML 1.0 characters and parses strictly; `attribute` of every `tag`. */
function wellFormedAttributes(xml: string, tag: string, attribute: string): string[] {
  assert.doesNotMatch(xml, NOT_XML_CHAR);
  const parser = sax.parser(true);
  const values: string[] = [];
  parser.onerror = (e) => assert.fail(`not well-formed: ${e.message}`);
  parser.onopentag = (t) => {
    if (t.name === tag) values.push(String(t.attributes[attribute]));
  };
  parser.write(xml).close();
  return values;
}

function hostileWorkspace() {
  return tempWorkspace({
    'bulkhead.json': JSON.stringify({
      modules: [
        { name: 'caller', path: CALLER_DIR, dependsOn: [] },
        { name: 'colon', path: COLON_DIR, dependsOn: [] },
        { name: EVIL_MODULE, path: `src/${EVIL_DIR}` },
      ],
    }),
    [`src/${EVIL_DIR}/index.ts`]: 'export const pub = 1;\n',
    [`src/${EVIL_DIR}/internal.ts`]: 'export const x = 1;\n',
    [`${CALLER_DIR}/use.ts`]: `import { x } from ${JSON.stringify(`../src/${EVIL_DIR}/internal`)};\nexport const y = x;\n`,
    [`${COLON_DIR}/a #?% b.ts`]: `import { x } from ${JSON.stringify(`../src/${EVIL_DIR}/internal`)};\nexport const z = x;\n`,
  });
}

describe('robustness: workspace names cannot inject into any output format', function () {
  this.timeout(120_000);
  let ws: ReturnType<typeof hostileWorkspace>;
  const run = (...args: string[]) => runCli(args, ws.root);
  before(() => {
    ws = hostileWorkspace();
  });
  after(() => ws.dispose());

  it('text (the default, also the CI log): no workflow command, no terminal escape, names still readable', () => {
    for (const args of [['check'], ['check', '--no-color']]) {
      const r = run(...args);
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stdout.split('\n');
      assert.deepEqual(lines.filter((l) => WORKFLOW_LINE.test(l)), []);
      assert.doesNotMatch(r.stdout, ESC);
      assert.match(r.stdout, /m\\n::error file=a::pwned\\u001b\]0;title\\u0007/);
      assert.match(r.stdout, /^\.\/::notice::caller\/use\.ts$/m);
    }
  });

  it('github: only our own annotations, each one line, with GitHub escaping', () => {
    const r = run('check', '--format', 'github');
    const lines = r.stdout.trimEnd().split('\n');
    const commands = lines.filter((l) => WORKFLOW_LINE.test(l));
    assert.ok(commands.length >= 4, r.stdout);
    for (const l of commands) assert.match(l, /^::(error|warning) file=[^,:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=bulkhead [a-z-]+::[^\n]*$/);
    assert.equal(lines.length, commands.length + 1);
    assert.doesNotMatch(r.stdout, ESC);
    assert.match(r.stdout, /file=%3A%3Anotice%3A%3Acaller\/use\.ts/);
    assert.match(r.stdout, /m%0A::error file=a::pwned/);
  });

  it('markdown: every table row keeps its cells, and no raw HTML gets through', () => {
    const r = run('check', '--format', 'markdown');
    assert.doesNotMatch(r.stdout, /(?<!\\)<(b|img)\b/);
    assert.doesNotMatch(r.stdout, ESC);
    const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    for (const table of r.stdout.split(/\n\n/).filter((b) => b.startsWith('| '))) {
      const rows = table.split('\n');
      for (const row of rows) assert.equal(cells(row), cells(rows[0]), `row breaks the table: ${row}`);
    }
  });

  it('checkstyle: well-formed XML 1.0 for any name (checked with an XML parser)', () => {
    const files = wellFormedAttributes(run('check', '--format', 'checkstyle').stdout, 'file', 'name');
    assert.ok(files.some((n) => n.endsWith(`${CALLER_DIR}/use.ts`)), files.join('\n'));
  });

  it('junit: well-formed XML 1.0 for any name (checked with an XML parser)', () => {
    const names = wellFormedAttributes(run('check', '--format', 'junit').stdout, 'testcase', 'name');
    assert.ok(names.some((n) => n.includes(`${CALLER_DIR}/use.ts`)), names.join('\n'));
    // What the shell cannot put in a folder name (a lone surrogate) still comes out as XML.
    assert.doesNotMatch(xmlText('a\ud800b\udc00\uffff\u0001'), NOT_XML_CHAR);
  });

  it('sarif: artifact URIs are percent-encoded and resolve back to the files', () => {
    const r = run('check', '--format', 'sarif');
    const log = JSON.parse(r.stdout);
    const base: string = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    const files = new Set<string>();
    for (const result of log.runs[0].results) {
      const uri: string = result.locations[0].physicalLocation.artifactLocation.uri;
      assert.doesNotMatch(uri, /[#? ]|%(?![0-9A-F]{2})|^[a-z][a-z0-9+.-]*:/i, uri);
      files.add(path.relative(ws.root, fileURLToPath(new URL(uri, base))));
    }
    assert.deepEqual([...files].sort(), [`${CALLER_DIR}/use.ts`, `${COLON_DIR}/a #?% b.ts`].sort());
  });

  it('graph dot and mermaid: one statement per line, names cannot end a label', () => {
    const dot = run('graph', '--format', 'dot').stdout;
    assert.doesNotMatch(dot, ESC);
    const dotLines = dot.trimEnd().split('\n');
    assert.equal(dotLines.length, 3 + 3 + 2 + 1, dot);
    for (const l of dotLines.slice(3, -1)) assert.match(l, /^ {2}"([^"\\]|\\.)*"( -> "([^"\\]|\\.)*")? \[.*\];$/);
    const mermaid = run('graph', '--format', 'mermaid').stdout;
    const mLines = mermaid.trimEnd().split('\n');
    assert.equal(mLines.length, 1 + 3 + 2 + 1, mermaid);
    assert.doesNotMatch(mermaid, /<(b|img)\b/);
    for (const l of mLines.slice(1, 4)) assert.match(l, /^ {2}m\d+\["[^"]*"\]$/);
  });

  it('graph html: names travel only as escaped JSON data', () => {
    const r = run('graph', '--format', 'html');
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /<(b|img)\b/);
    assert.doesNotMatch(r.stdout, ESC);
  });
});
