import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempWorkspace } from '../support/temp-workspace';
import { runCli } from '../support/run-cli';

const CONFIG = JSON.stringify({
  modules: [
    { name: 'orders', path: 'src/orders', dependsOn: ['billing'] },
    { name: 'billing', path: 'src/billing' },
    { name: 'users', path: 'src/users' },
  ],
});

describe('cli: baseline ratchet', function () {
  this.timeout(240_000);
  it('accepts known violations through line moves and unrelated renames, fails on new ones, reports and drops fixed ones', () => {
    const ws = tempWorkspace({
      'bulkhead.json': CONFIG,
      'src/billing/index.ts': 'export const pay = 1;\n',
      'src/billing/internal/ledger.ts': 'export const ledger = 1;\n',
      'src/users/index.ts': 'export const user = 1;\n',
      'src/users/profile.ts': 'export const profile = 1;\n',
      'src/orders/checkout.ts': "import { ledger } from '../billing/internal/ledger';\nimport { user } from '../users';\n",
      'src/orders/notes.ts': 'export const note = 1;\n',
    });
    try {
      const write = runCli(['baseline', ws.root]);
      assert.equal(write.code, 0, write.stderr);
      const baselineFile = path.join(ws.root, 'bulkhead-baseline.json');
      const written = fs.readFileSync(baselineFile, 'utf8');
      assert.equal(JSON.parse(written).entries.length, 2);
      assert.equal(runCli(['check', ws.root]).code, 1);
      assert.equal(runCli(['check', ws.root, '--baseline']).code, 0);

      // Lines inserted above both violations and an unrelated file renamed: still known.
      fs.writeFileSync(path.join(ws.root, 'src/orders/checkout.ts'), "// Checkout flow.\n\nexport const step = 1;\nimport { ledger } from '../billing/internal/ledger';\nimport { user } from '../users';\n");
      fs.renameSync(path.join(ws.root, 'src/orders/notes.ts'), path.join(ws.root, 'src/orders/remarks.ts'));
      const moved = runCli(['check', ws.root, '--baseline']);
      assert.equal(moved.code, 0, moved.stdout);
      assert.match(moved.stdout, /No new boundary violations/);
      assert.match(moved.stdout, /2 known violations not shown/);

      // A new violation fails the check and is the only one shown.
      fs.writeFileSync(path.join(ws.root, 'src/orders/profile-link.ts'), "import { profile } from '../users/profile';\n");
      const fresh = runCli(['check', ws.root, '--baseline', '--format', 'json']);
      assert.equal(fresh.code, 1);
      const result = JSON.parse(fresh.stdout) as { violations: { file: string; rule: string }[]; baseline: { known: number; fixed: unknown[] } };
      assert.deepEqual([...new Set(result.violations.map((v) => v.file))], ['src/orders/profile-link.ts']);
      assert.equal(result.baseline.known, 2);
      fs.rmSync(path.join(ws.root, 'src/orders/profile-link.ts'));

      // Fixing one reports it as fixed; --update-baseline drops it; the file never grows.
      fs.writeFileSync(path.join(ws.root, 'src/orders/checkout.ts'), "import { user } from '../users';\n");
      const fixed = runCli(['check', ws.root, '--baseline']);
      assert.equal(fixed.code, 0);
      assert.match(fixed.stdout, /1 fixed \(run with --update-baseline to drop them\)/);
      assert.equal(fs.readFileSync(baselineFile, 'utf8'), written, 'check --baseline alone must not write');
      const shrink = runCli(['check', ws.root, '--update-baseline', '--format', 'markdown']);
      assert.equal(shrink.code, 0);
      assert.match(shrink.stdout, /### Fixed since the baseline \(1\)/);
      const after = JSON.parse(fs.readFileSync(baselineFile, 'utf8')) as { entries: { rule: string }[] };
      assert.deepEqual(after.entries.map((e) => e.rule), ['undeclared-dependency']);
      assert.deepEqual(fs.readdirSync(ws.root).filter((f) => f.endsWith('.tmp')), []);
    } finally {
      ws.dispose();
    }
  });

  it('explains a missing or broken baseline with exit 2', () => {
    const ws = tempWorkspace({ 'bulkhead.json': CONFIG, 'src/users/index.ts': 'export {};\n' });
    try {
      const missing = runCli(['check', ws.root, '--baseline']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /does not exist\. Create it with "bulkhead baseline"/);
      fs.writeFileSync(path.join(ws.root, 'bulkhead-baseline.json'), '{"version": 1, "entries": [');
      const broken = runCli(['check', ws.root, '--baseline']);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /not valid JSON/);
    } finally {
      ws.dispose();
    }
  });
});
