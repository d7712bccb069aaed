import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { FIXTURES } from '../support/fixtures';
import { tempWorkspace } from '../support/temp-workspace';

const FIXTURE = path.join(FIXTURES, 'outside-root-packages');

function findings(root: string, configText?: string): string[] {
  const result = checkWorkspace({ root, ...(configText ? { configText } : {}) });
  return result.violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}:${v.range.start.column} ${v.sourceModule} -> ${v.targetModule}`).sort();
}

/** Imports that resolve into a module the map declares outside the checked root (issue 15). */
describe('modules outside the checked root', () => {
  it('imports into a package next to the root are crossings: public API and dependsOn apply, by alias and by relative path', () => {
    const root = path.join(FIXTURE, 'apps/web');
    assert.deepEqual(findings(root), ['internal-import src/page.ts:1:24 web -> ui', 'internal-import src/page.ts:2:30 web -> ui']);
    const result = checkWorkspace({ root });
    const message = result.violations[0].message;
    assert.match(message, /Import from its public API \(\.\.\/\.\.\/libs\/ui\/src\/index\.ts\) instead/);
    // Without "ui" in dependsOn, all three imports are undeclared.
    const strict = fs.readFileSync(path.join(root, 'bulkhead.json'), 'utf8').replace('"dependsOn": ["ui"]', '"dependsOn": []');
    assert.equal(findings(root, strict).filter((f) => f.startsWith('undeclared-dependency')).length, 3);
  });

  it('through a node_modules link to the workspace package, as npm/pnpm workspaces install it', () => {
    const ws = tempWorkspace({});
    try {
      fs.cpSync(FIXTURE, ws.root, { recursive: true });
      const web = path.join(ws.root, 'apps/web');
      fs.writeFileSync(path.join(web, 'tsconfig.json'), '{ "compilerOptions": { "strict": true, "module": "commonjs" } }\n');
      fs.mkdirSync(path.join(web, 'node_modules/@org'), { recursive: true });
      fs.symlinkSync(path.join(ws.root, 'libs/ui'), path.join(web, 'node_modules/@org/ui'));
      fs.writeFileSync(path.join(ws.root, 'libs/ui/package.json'), '{ "name": "@org/ui", "version": "1.0.0", "main": "src/index.ts", "types": "src/index.ts", "exports": { ".": "./src/index.ts", "./internal/*": "./src/internal/*.ts" } }\n');
      assert.deepEqual(findings(web), ['internal-import src/page.ts:1:24 web -> ui', 'internal-import src/page.ts:2:30 web -> ui']);
    } finally {
      ws.dispose();
    }
  });
});
