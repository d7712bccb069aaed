import * as assert from 'node:assert/strict';
import { pngScale, pngScales } from '../../src/webview/logic/png-scale';

describe('webview: PNG export size (issue 17: screen resolution × 2 by default)', () => {
  it('a drawing larger than the view is fitted into it at twice its pixels', () => {
    // A 500-module drawing at its own size was exported at 2×: 16,000 px wide.
    const scale = pngScale({ width: 8000, height: 3000 }, { width: 1280, height: 800 });
    assert.equal(Math.round(8000 * scale), 2560);
    assert.ok(3000 * scale <= 1600);
  });

  it('a drawing smaller than the view keeps 2×', () => {
    assert.equal(pngScale({ width: 600, height: 300 }, { width: 1280, height: 800 }), 2);
  });

  it('never past 16,000 px on a side, and a view of no size (hidden panel) falls back to the drawing at 2×', () => {
    assert.equal(pngScale({ width: 20000, height: 100 }, { width: 0, height: 0 }), 0.8);
    assert.equal(pngScale({ width: 500, height: 400 }, { width: 0, height: 0 }), 2);
  });

  it('a PNG over the byte budget is drawn again smaller, a quarter each time, down to the view\'s own size', () => {
    const scales = pngScales({ width: 8000, height: 3000 }, { width: 1280, height: 800 });
    assert.equal(scales[0], pngScale({ width: 8000, height: 3000 }, { width: 1280, height: 800 }));
    assert.equal(Math.round(8000 * scales[scales.length - 1]), 1280);
    for (let i = 1; i < scales.length; i++) assert.ok(scales[i] < scales[i - 1]);
    assert.deepEqual(pngScales({ width: 600, height: 300 }, { width: 1280, height: 800 }), [2, 1.5, 1.125, 1]);
  });
});
