import * as assert from 'node:assert/strict';
import { ChangeQueue } from '../../src/server/change-queue';

describe('server: queued changes between checks', () => {
  it('keeps the latest text per file, and a full check of a folder replaces its edits', async () => {
    let flushed = 0;
    const queue = new ChangeQueue(() => flushed++);
    queue.edit('/a', '/a/x.ts', 'one', 0);
    queue.edit('/a', '/a/x.ts', 'two', 0);
    queue.edit('/a', '/a/y.ts', undefined, 0);
    queue.edit('/b', '/b/z.ts', 'z', 0);
    queue.fullCheck('/b', 0);
    queue.edit('/b', '/b/z.ts', 'after', 0);
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(flushed, 1, 'one flush for the burst');
    const { full, edits } = queue.take();
    assert.deepEqual(full, ['/b']);
    assert.deepEqual([...edits].map(([folder, files]) => [folder, [...files]]), [['/a', [['/a/x.ts', 'two'], ['/a/y.ts', undefined]]]]);
    assert.deepEqual(queue.take(), { full: [], edits: new Map() });
  });
});
