import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace, type CheckResult } from '../../src/engine';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

/** The repository's sources and its own bulkhead.json, copied so that imports can be planted. */
function copyRepo(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-dogfood-')));
  for (const entry of ['src', 'rules', 'bulkhead.json', 'tsconfig.json', 'package.json']) {
    fs.cpSync(path.join(REPO, entry), path.join(root, entry), { recursive: true });
  }
  return root;
}

function violationsIn(result: CheckResult, file: string): string[] {
  return result.violations.filter((v) => v.file === file).map((v) => `${v.rule} ${v.sourceModule} -> ${v.targetModule}: ${v.message}`);
}

describe('dogfood: the repository map guards the engine pipeline', function () {
  this.timeout(120_000);
  let root = '';
  before(() => {
    root = copyRepo();
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the copy checks clean, as npm run dogfood does', () => {
    const result = checkWorkspace({ root });
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(result.violations, []);
  });

  it('reports a stage that imports a later stage even when its dependsOn lists it (the stage-order constraints)', () => {
    const config = path.join(root, 'bulkhead.json');
    const original = fs.readFileSync(config, 'utf8');
    const declared = '{ "name": "engine/model", "path": "src/engine/model", "public": ["index.ts"], "dependsOn": []';
    assert.ok(original.includes(declared), 'engine/model is declared as expected');
    fs.writeFileSync(config, original.replace(declared, declared.replace('"dependsOn": []', '"dependsOn": ["engine/check"]')));
    const planted = 'src/engine/model/planted.ts';
    fs.writeFileSync(path.join(root, planted), "import { AnalysisState } from '../check';\nexport const planted = AnalysisState;\n");
    try {
      const found = violationsIn(checkWorkspace({ root }), planted);
      assert.ok(
        found.some((v) => v.startsWith('undeclared-dependency engine/model -> engine/check') && v.includes('(from "tag:stage-0") denies "tag:stage-6"')),
        `expected the stage-order constraint to report the import, got:\n${found.join('\n')}`,
      );
    } finally {
      fs.writeFileSync(config, original);
      fs.rmSync(path.join(root, planted));
    }
  });

  it('reports editor packages in the engine and TypeScript in the extension host (package constraints)', () => {
    const planted = { 'src/engine/model/planted.ts': "import * as vscode from 'vscode';\nexport const planted = vscode;\n", 'src/extension/planted.ts': "import { Project } from 'ts-morph';\nexport const planted = Project;\n" };
    for (const [file, text] of Object.entries(planted)) fs.writeFileSync(path.join(root, file), text);
    try {
      const result = checkWorkspace({ root });
      assert.ok(violationsIn(result, 'src/engine/model/planted.ts').some((v) => v.startsWith('package-import engine/model') && v.includes('denies the packages "vscode"')));
      assert.ok(violationsIn(result, 'src/extension/planted.ts').some((v) => v.startsWith('package-import extension') && v.includes('denies the packages "ts-morph"')));
    } finally {
      for (const file of Object.keys(planted)) fs.rmSync(path.join(root, file));
    }
  });

  it('reports a stage that reaches past another stage\'s index.ts', () => {
    const planted = 'src/engine/check/planted.ts';
    fs.writeFileSync(path.join(root, planted), "import { ModuleMap } from '../map/module-map';\nexport type Planted = ModuleMap;\n");
    try {
      const found = violationsIn(checkWorkspace({ root }), planted);
      assert.deepEqual(found.map((v) => v.split(':')[0]), ['internal-import engine/check -> engine/map']);
    } finally {
      fs.rmSync(path.join(root, planted));
    }
  });
});
