import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_CACHE_GROWTH } from '../../src/engine/session/lazy-resolution';
import { REPO_ROOT } from '../support/fixtures';
import { openSession } from '../support/open-session';

/**
 * Issue 18 item 11: typing an import creates a new specifier per keystroke; the resolution caches
 * must not grow with them for as long as the editor stays open.
 */
describe('language server limits: caches stay bounded while new specifiers are typed', function () {
  this.timeout(120_000);

  it('8,000 keystrokes of new, unresolved specifiers leave the resolution caches below their bound, and answers stay right', () => {
    const root = path.join(REPO_ROOT, 'examples/shop');
    const session = openSession({ root });
    const file = path.join(root, 'src/modules/orders/application/order-service.ts');
    const original = fs.readFileSync(file, 'utf8');
    const resolution = (session as unknown as { setup: { resolution: { cachedEntries: number } } }).setup.resolution;
    let largest = 0;
    for (let i = 1; i <= 8000; i++) {
      session.updateFile(file, `import { x } from '../../billing/domain/typed-${i}';\n${original}`);
      largest = Math.max(largest, resolution.cachedEntries);
    }
    // Without the bound, 8,000 keystrokes leave about 56,000 entries (7 per keystroke).
    assert.ok(largest < MAX_CACHE_GROWTH * 1.5, `the caches reached ${largest} entries`);
    // After the caches started again, a real import still resolves and is judged as before.
    session.updateFile(file, `import { Invoice } from '../../billing/domain/invoice';\n${original}`);
    const added = session.analyze().violations.filter((v) => v.file === 'src/modules/orders/application/order-service.ts' && v.rule === 'internal-import');
    assert.equal(added.length, 1);
    assert.match(added[0].message, /billing\/domain\/invoice\.ts/);
  });
});
