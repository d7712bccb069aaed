import * as assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/engine';
import { runCli } from '../support/run-cli';
import { tempWorkspace } from '../support/temp-workspace';

const USE = (target: string): string => `import { a } from '../${target}/index';\nexport const b = a;\n`;
const SOURCES = {
  'src/constructor/index.ts': 'export const a = 1;\n',
  'src/__proto__/index.ts': 'export const a = 1;\n',
  'src/toString/use.ts': USE('constructor'),
  'src/p/__proto__/index.ts': USE('../constructor'),
  'src/app/[id]/page.ts': USE('../constructor'),
};
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { modules: { name: string }[]; violations: { file: string; rule: string; message: string; sourceModule?: string }[]; diagnostics: { code: string; message: string; range: { start: { line: number; column: number } } }[] };

describe('robustness: bulkhead.json from an untrusted repository is read exactly or rejected clearly', function () {
  this.timeout(120_000);

  it('a repeated key at any depth is an error at the repeat (was: 0 modules, exit 0)', () => {
    const ws = tempWorkspace({
      ...SOURCES,
      'bulkhead.json': '{\n  "modules": [{ "name": "c", "path": "src/constructor" }],\n  "modules": [],\n  "rules": { "cycle": "warn", "cycle": "off" }\n}\n',
    });
    try {
      const r = runCli(['check', '--format', 'json'], ws.root);
      assert.equal(r.code, 2);
      const dupes = json(r).diagnostics.filter((d) => d.message.startsWith('Duplicate property'));
      assert.deepEqual(dupes.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message.slice(0, 30)}`), ['3:3 Duplicate property "modules": ', '4:31 Duplicate property "cycle": it']);
      const text = runCli(['check'], ws.root);
      assert.equal(text.stdout.split('\n').filter((l) => l.includes('Duplicate property "modules"')).length, 1, 'each error printed once');
    } finally {
      ws.dispose();
    }
  });

  it('module and placeholder names such as constructor and __proto__ are plain names (was: "[object Object]")', () => {
    const ws = tempWorkspace({
      ...SOURCES,
      'bulkhead.json': JSON.stringify({
        modules: [
          { name: 'constructor', path: 'src/constructor' },
          { name: '__proto__', path: 'src/__proto__' },
          { name: 'toString', path: 'src/toString', dependsOn: ['__proto__'] },
          { name: 'p-<__proto__>', path: 'src/p/<__proto__>', dependsOn: ['constructor'] },
        ],
      }),
    });
    try {
      const r = runCli(['check', '--format', 'json'], ws.root);
      const result = json(r);
      assert.deepEqual(result.modules.map((m) => m.name).sort(), ['__proto__', 'constructor', 'p-__proto__', 'toString']);
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.sourceModule}`).sort(), ['undeclared-dependency toString']);
      assert.doesNotMatch(r.stdout, /\[object Object\]|function Object/);
    } finally {
      ws.dispose();
    }
  });

  it('"__proto__" and "constructor" keys in the config are unknown properties, not prototypes (were accepted silently)', () => {
    const ws = tempWorkspace({
      ...SOURCES,
      'bulkhead.json': '{ "modules": [{ "name": "t", "path": "src/toString", "__proto__": { "dependsOn": ["*"] } }, { "name": "c", "path": "src/constructor", "constructor": 1 }] }',
    });
    try {
      const result = checkWorkspace({ root: ws.root });
      assert.equal(({} as Record<string, unknown>).dependsOn, undefined);
      assert.deepEqual(result.diagnostics.map((d) => d.message.slice(0, 30)), ['Unknown property "__proto__" i', 'Unknown property "constructor"']);
      assert.deepEqual(result.violations.map((v) => v.rule), ['undeclared-dependency']);
    } finally {
      ws.dispose();
    }
  });

  it('a UTF-8 byte order mark is accepted, positions unchanged', () => {
    const ws = tempWorkspace({
      ...SOURCES,
      'bulkhead.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{\n  "modules": [{ "name": "c", "path": "src/constructor" }],\n  "bogus": 1\n}\n')]),
    });
    try {
      const r = runCli(['check', '--format', 'json'], ws.root);
      assert.deepEqual(json(r).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`), ['invalid-config 3:3']);
    } finally {
      ws.dispose();
    }
  });

  it('a folder named with glob characters (Next.js "src/app/[id]") is written with backslash escapes', () => {
    const ws = tempWorkspace({
      ...SOURCES,
      'src/app/i/other.ts': 'export const o = 1;\n',
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'c', path: 'src/constructor' }, { name: 'route', path: 'src/app/\\[id\\]' }] }),
    });
    try {
      const r = runCli(['check', '--format', 'json'], ws.root);
      const result = json(r);
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual(result.violations.filter((v) => v.sourceModule === 'route').map((v) => `${v.file} ${v.rule}`).sort(), ['src/app/[id]/page.ts undeclared-dependency']);
    } finally {
      ws.dispose();
    }
  });
});
