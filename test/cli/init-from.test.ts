import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT } from '../support/fixtures';
import { runCli } from '../support/run-cli';

/**
 * `bulkhead init --from <tool>` on test/fixtures/init-from-<tool>: the written map and report
 * match expected/, and `bulkhead check` with that map gives the verdicts the other tool gives for
 * the rules that were translated (expected/verdicts.txt, derived by hand from the tool's rules;
 * for dependency-cruiser also compared with the real dependency-cruiser run on the fixture).
 */
const TOOLS = fs.readdirSync(FIXTURES).filter((name) => name.startsWith('init-from-')).map((name) => name.slice('init-from-'.length)).sort();

function assertGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), path.relative(FIXTURES, file));
}

function copyWorkspace(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bulkhead-${path.basename(fixture)}-`));
  fs.cpSync(fixture, dir, { recursive: true, filter: (src) => path.basename(src) !== 'expected' });
  return dir;
}

interface JsonViolation {
  rule: string;
  file: string;
  specifier?: string;
  message: string;
  range: { start: { line: number; column: number } };
}

/** One line per verdict, whoever gives it: an import that is forbidden, or a cycle of modules. */
function verdictsOf(violations: JsonViolation[]): string[] {
  const lines = violations.map((v) => {
    if (v.rule === 'cycle') return `cycle ${[...new Set(/^Module cycle: (.*?) \(/.exec(v.message)?.[1].split(' → ') ?? [v.message])].sort().join(' ')}`;
    return `import ${v.file} -> ${v.specifier}`;
  });
  return [...new Set(lines)].sort();
}

describe('cli: bulkhead init --from <tool> (test/fixtures/init-from-*)', function () {
  this.timeout(180_000);

  for (const tool of TOOLS) {
    it(`${tool}: translates the config, the map loads, and check gives the tool's verdicts`, () => {
      const fixture = path.join(FIXTURES, `init-from-${tool}`);
      const expected = path.join(fixture, 'expected');
      const dir = copyWorkspace(fixture);
      try {
        const init = runCli(['init', '--from', tool, '--write'], dir);
        assert.equal(init.code, 0, init.stderr);
        assertGolden(path.join(expected, 'output.txt'), init.stdout + init.stderr);
        const written = fs.readFileSync(path.join(dir, 'bulkhead.json'), 'utf8');
        assertGolden(path.join(expected, 'bulkhead.json'), written);
        assert.match(written, /\/\/ {3}Not translated/, 'the untranslated items are recorded in the file');

        const check = runCli(['check', '--format', 'json'], dir);
        assert.notEqual(check.code, 2, check.stderr);
        const violations = (JSON.parse(check.stdout) as { violations: JsonViolation[] }).violations;
        const lines = violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}:${v.range.start.column} ${v.message}`).sort();
        assertGolden(path.join(expected, 'check.txt'), lines.join('\n') + '\n');
        const verdicts = fs.readFileSync(path.join(expected, 'verdicts.txt'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')).sort();
        assert.deepEqual(verdictsOf(violations), verdicts);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('dependency-cruiser: the real dependency-cruiser reports the same imports for the translated rules', () => {
    const fixture = path.join(FIXTURES, 'init-from-dependency-cruiser');
    const dir = copyWorkspace(fixture);
    try {
      assert.equal(runCli(['init', '--from', 'dependency-cruiser', '--write'], dir).code, 0);
      const bulkhead = (JSON.parse(runCli(['check', '--format', 'json'], dir).stdout) as { violations: JsonViolation[] }).violations;
      const cruise = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.json', '--output-type', 'json', 'src'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      assert.equal(cruise.status, 0, cruise.stderr);
      const result = JSON.parse(cruise.stdout) as {
        modules: { source: string; dependencies: { module: string; resolved: string }[] }[];
        summary: { violations: { rule: { name: string }; from: string; to: string }[] };
      };
      const translated = ['no-cross-feature', 'shared-not-to-features', 'no-node-in-features'];
      const specifier = (from: string, to: string): string => result.modules.find((m) => m.source === from)!.dependencies.find((d) => d.resolved === to)!.module;
      const theirs = [...new Set(result.summary.violations.filter((v) => translated.includes(v.rule.name)).map((v) => `import ${v.from} -> ${specifier(v.from, v.to)}`))].sort();
      // dependency-cruiser names a built-in without its `node:` prefix.
      const ours = verdictsOf(bulkhead.filter((v) => v.rule !== 'cycle')).map((l) => l.replace(' -> node:', ' -> '));
      assert.deepEqual(ours, theirs);
      assert.ok(theirs.length >= 3, theirs.join('\n'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: bulkhead init --from dependency-cruiser with "allowed" rules', function () {
  this.timeout(180_000);

  it('gives each module the dependsOn its allowed rules grant, as the real dependency-cruiser judges', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-init-from-allowed-'));
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    try {
      write('package.json', '{ "name": "layers", "private": true }\n');
      write('tsconfig.json', '{ "compilerOptions": { "strict": true, "module": "commonjs" }, "include": ["src"] }\n');
      write('src/app/main.ts', "import { order } from '../domain/order';\nimport { db } from '../infra/db';\nexport const run = () => [order, db];\n");
      write('src/domain/order.ts', "import { id } from '../shared/id';\nimport { rule } from './rules';\nexport const order = id() + rule;\n");
      write('src/domain/rules.ts', 'export const rule = 1;\n');
      write('src/domain/bad.ts', "import { db } from '../infra/db';\nexport const bad = db;\n");
      write('src/infra/db.ts', "import { order } from '../domain/order';\nimport { id } from '../shared/id';\nexport const db = [order, id];\n");
      write('src/shared/id.ts', 'export const id = () => 1;\n');
      write(
        '.dependency-cruiser.json',
        JSON.stringify({
          allowedSeverity: 'error',
          allowed: [
            { from: { path: '^src/app' }, to: { path: '^src/(domain|shared)' } },
            { from: { path: '^src/(domain|infra)' }, to: { path: '^src/shared' } },
            { from: { path: '^src/infra' }, to: { path: '^src/domain' } },
            { from: { path: '^src/([^/]+)/' }, to: { path: '^src/$1/' } },
          ],
          options: { tsPreCompilationDeps: true },
        }),
      );
      const init = runCli(['init', '--from', 'dependency-cruiser', '--write'], dir);
      assert.equal(init.code, 0, init.stderr);
      const map = fs.readFileSync(path.join(dir, 'bulkhead.json'), 'utf8');
      assert.match(map, /\{ "name": "src\/app", "path": "src\/app", "dependsOn": \["src\/domain", "src\/shared"\] \}/);
      assert.match(map, /\{ "name": "src\/infra", "path": "src\/infra", "dependsOn": \["src\/domain", "src\/shared"\] \}/);
      const ours = verdictsOf((JSON.parse(runCli(['check', '--format', 'json'], dir).stdout) as { violations: JsonViolation[] }).violations);

      const cruise = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.json', '--output-type', 'json', 'src'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      const result = JSON.parse(cruise.stdout) as { modules: { source: string; dependencies: { module: string; resolved: string }[] }[]; summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
      const specifier = (from: string, to: string): string => result.modules.find((m) => m.source === from)!.dependencies.find((d) => d.resolved === to)!.module;
      const theirs = [...new Set(result.summary.violations.map((v) => `import ${v.from} -> ${specifier(v.from, v.to)}`))].sort();
      assert.deepEqual(theirs, ['import src/app/main.ts -> ../infra/db', 'import src/domain/bad.ts -> ../infra/db']);
      assert.deepEqual(ours, theirs);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: bulkhead init --from eslint-plugin-boundaries with an .eslintrc.json and folder-wide patterns', function () {
  this.timeout(120_000);

  it('reads src/(a|b)/** and src/app/**/* (mode full) as one module per folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-init-from-eslintrc-'));
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    try {
      write('tsconfig.json', '{ "compilerOptions": { "strict": true }, "include": ["src"] }\n');
      write(
        '.eslintrc.json',
        `{
  // Layers, as many projects write them
  "plugins": ["boundaries"],
  "extends": ["plugin:boundaries/recommended"],
  "settings": {
    "boundaries/elements": [
      { "type": "app", "pattern": "src/app/**/*", "mode": "full" },
      { "type": "shared", "pattern": "src/(components|lib)/**" },
      { "type": "features", "pattern": "src/features/*", "capture": ["feature"] }
    ]
  },
  "rules": {
    "boundaries/element-types": [2, { "default": "disallow", "rules": [
      { "from": "app", "allow": ["features", "shared"] },
      { "from": "features", "allow": ["shared"] },
      { "from": "shared", "allow": ["shared"] }
    ] }]
  }
}
`,
      );
      write('src/app/page.ts', "import { cart } from '../features/cart';\nexport const page = cart;\n");
      write('src/features/cart/index.ts', "import { money } from '../../lib/money';\nimport { checkout } from '../checkout';\nexport const cart = money + checkout;\n");
      write('src/features/checkout/index.ts', 'export const checkout = 1;\n');
      write('src/lib/money.ts', "import { button } from '../components/button';\nexport const money = button;\n");
      write('src/components/button.ts', "import { page } from '../app/page';\nexport const button = 1;\nexport const back = page;\n");
      const init = runCli(['init', '--from', 'boundaries', '--write'], dir);
      assert.equal(init.code, 0, init.stderr);
      const map = fs.readFileSync(path.join(dir, 'bulkhead.json'), 'utf8');
      assert.match(map, /\{ "name": "shared", "path": \["src\/components", "src\/lib"\], "tags": \["shared"\], "dependsOn": \["tag:shared"\] \}/);
      assert.match(map, /\{ "name": "app", "path": "src\/app", "tags": \["app"\], "dependsOn": \["tag:features", "tag:shared"\] \}/);
      const verdicts = verdictsOf((JSON.parse(runCli(['check', '--format', 'json'], dir).stdout) as { violations: JsonViolation[] }).violations);
      assert.deepEqual(verdicts, ['import src/components/button.ts -> ../app/page', 'import src/features/cart/index.ts -> ../checkout']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: bulkhead init --from, when the other config cannot be used', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-init-from-'));
    fs.mkdirSync(path.join(dir, 'src/a'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src/a/index.ts'), 'export const a = 1;\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Exit code 2 with a one-line reason, never a stack trace, and nothing written. */
  function assertRefused(run: { code: number; stdout: string; stderr: string }, message: RegExp): void {
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /\n\s+at .*:\d+:\d+\)?\n|internal error/);
    assert.equal(fs.existsSync(path.join(dir, 'bulkhead.json')), false);
  }

  it('names the files it looked for when the config is missing', () => {
    assertRefused(runCli(['init', '--from', 'dependency-cruiser', '--write'], dir), /No dependency-cruiser config found: expected \.dependency-cruiser\.json/);
    assertRefused(runCli(['init', '--from', 'sheriff', '--write'], dir), /No Sheriff config found: expected sheriff\.config\.ts/);
    assertRefused(runCli(['init', '--from', 'eslint-plugin-boundaries', '--write'], dir), /No ESLint config found/);
    assertRefused(runCli(['init', '--from', 'nx', '--write'], dir), /No ESLint config found/);
  });

  it('points at file:line:col of a syntax error', () => {
    fs.writeFileSync(path.join(dir, '.dependency-cruiser.json'), '{\n  "forbidden": [\n    { "name": "x", }\n    { "name": "y" }\n  ]\n}\n');
    assertRefused(runCli(['init', '--from', 'dependency-cruiser', '--write'], dir), /bulkhead init: \.dependency-cruiser\.json:4:5: invalid JSON \(CommaExpected\)/);
    fs.writeFileSync(path.join(dir, '.eslintrc.json'), '{ "settings": { "boundaries/elements": [ }\n');
    assertRefused(runCli(['init', '--from', 'boundaries', '--write'], dir), /\.eslintrc\.json:1:42: invalid JSON/);
    fs.writeFileSync(path.join(dir, 'sheriff.config.ts'), "export const config = {\n  depRules: { root: ['noTag' },\n};\n");
    assertRefused(runCli(['init', '--from', 'sheriff', '--write'], dir), /sheriff\.config\.ts:2:30: syntax error/);
  });

  it('does not run a JavaScript dependency-cruiser config unless --trust is given', () => {
    const marker = path.join(dir, 'config-was-executed');
    fs.writeFileSync(
      path.join(dir, '.dependency-cruiser.js'),
      `require('fs').writeFileSync(${JSON.stringify(marker)}, 'yes');\n` +
        `module.exports = { forbidden: [{ name: 'no-a', severity: 'error', from: { path: '^src/b' }, to: { path: '^src/a' } }], options: { tsPreCompilationDeps: true } };\n`,
    );
    const untrusted = runCli(['init', '--from', 'dependency-cruiser', '--write'], dir);
    assertRefused(untrusted, /\.dependency-cruiser\.js is JavaScript[\s\S]*--trust[\s\S]*> \.dependency-cruiser\.json/);
    assert.equal(fs.existsSync(marker), false, 'the config was executed without --trust');

    const trusted = runCli(['init', '--from', 'dependency-cruiser', '--trust'], dir);
    assert.equal(trusted.code, 0, trusted.stderr);
    assert.equal(fs.existsSync(marker), true);
    assert.match(trusted.stdout, /\{ "from": "src\/b", "deny": \["src\/a"\] \}/);
  });

  it('merges the configs a dependency-cruiser config extends: JSON always, JavaScript only with --trust', () => {
    fs.mkdirSync(path.join(dir, 'src/b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src/b/index.ts'), "import { a } from '../a';\nexport const b = a;\n");
    fs.writeFileSync(path.join(dir, 'base.json'), JSON.stringify({ forbidden: [{ name: 'no-b-to-a', severity: 'warn', from: { path: '^src/b' }, to: { path: '^src/a' } }] }));
    const marker = path.join(dir, 'base-was-executed');
    fs.writeFileSync(path.join(dir, 'strict.cjs'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'yes');\nmodule.exports = { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] };\n`);
    // The extending config raises the base rule's severity, as dependency-cruiser merges named rules.
    fs.writeFileSync(path.join(dir, '.dependency-cruiser.json'), JSON.stringify({ extends: ['./base.json', './strict.cjs'], forbidden: [{ name: 'no-b-to-a', severity: 'error' }], options: { tsPreCompilationDeps: true } }));
    const untrusted = runCli(['init', '--from', 'dependency-cruiser'], dir);
    assert.equal(untrusted.code, 0, untrusted.stderr);
    assert.equal(fs.existsSync(marker), false);
    assert.match(untrusted.stdout, /\{ "from": "src\/b", "deny": \["src\/a"\] \}/);
    assert.match(untrusted.stdout, /"undeclared-dependency": "error", "cycle": "off"/);
    assert.match(untrusted.stderr, /extends "\.\/strict\.cjs": not read \(a JavaScript config is read only with --trust/);
    const trusted = runCli(['init', '--from', 'dependency-cruiser', '--trust'], dir);
    assert.equal(trusted.code, 0, trusted.stderr);
    assert.match(trusted.stdout, /"undeclared-dependency": "error", "cycle": "error"/);
    assert.doesNotMatch(trusted.stderr, /extends/);
  });

  it('never overwrites an existing bulkhead.json without --force, and says which tools it knows', () => {
    fs.writeFileSync(path.join(dir, '.dependency-cruiser.json'), '{ "forbidden": [{ "name": "no-a", "from": { "path": "^src/b" }, "to": { "path": "^src/a" } }] }');
    fs.writeFileSync(path.join(dir, 'bulkhead.json'), '{ "modules": [] }\n');
    const refused = runCli(['init', '--from', 'dependency-cruiser', '--write'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /bulkhead\.json already exists; pass --force/);
    assert.equal(fs.readFileSync(path.join(dir, 'bulkhead.json'), 'utf8'), '{ "modules": [] }\n');
    assert.equal(runCli(['init', '--from', 'dependency-cruiser', '--write', '--force'], dir).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'bulkhead.json'), 'utf8'), /Translated from \.dependency-cruiser\.json/);

    const unknown = runCli(['init', '--from', 'madge'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown tool "madge"\. Known: dependency-cruiser, eslint-plugin-boundaries, sheriff, nx/);
    assert.match(runCli(['check', '--from', 'nx'], dir).stderr, /--from and --trust are options of init/);
    assert.match(runCli(['init', '--trust'], dir).stderr, /--trust only applies to init --from <tool>/);
    const help = runCli(['--help'], dir).stdout;
    assert.match(help, /init --from <tool> +Translate another boundary tool's config/);
    assert.match(help, /--trust +init --from dependency-cruiser/);
  });
});
