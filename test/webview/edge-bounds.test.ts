/**
 * Fit and export take in the edges and their labels, not only the boxes: at Fit, medusa's graph
 * cut the loops between boxes of its right-most column, and their labels ("85 · 34", "133").
 */
import * as assert from 'node:assert/strict';
import { boundsOf, edgeBounds, edgePath, labelBounds, type Box } from '../../src/webview/logic/geometry';

const right = (b: Box): number => b.x + b.width;
const bottom = (b: Box): number => b.y + b.height;

describe('webview: what an edge covers', () => {
  it('a loop between two boxes of one column reaches right of both, and so do the fitted bounds', () => {
    const a = { x: 0, y: 0, width: 100, height: 40 };
    const b = { x: 0, y: 400, width: 100, height: 40 };
    const loop = edgeBounds(a, b);
    assert.ok(right(loop) > right(a) + 40, JSON.stringify(loop));
    const fitted = boundsOf([a, b, loop], 20)!;
    assert.ok(right(fitted) >= right(loop) + 20);
    // the curve's middle, where a label goes, is inside what the edge covers
    const mid = edgePath(a, b).at(0.5);
    assert.ok(mid.x <= right(loop) && mid.x >= loop.x, JSON.stringify({ mid, loop }));
  });

  it('a back edge dips below both boxes', () => {
    const a = { x: 600, y: 0, width: 100, height: 40 };
    const b = { x: 0, y: 0, width: 100, height: 40 };
    assert.ok(bottom(edgeBounds(a, b)) > bottom(a) + 20);
  });

  it("a label's box is centred on its spot and as wide as its text", () => {
    const box = labelBounds('85 · 34', { x: 300, y: 100 });
    assert.equal(box.x + box.width / 2, 300);
    assert.ok(box.width >= 7 * 7 && bottom(box) === 100);
  });
});
