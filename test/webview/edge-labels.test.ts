/**
 * Edge labels converging on one box (medusa's packages/core: "1162", "12", "14", "75" on top of
 * each other at Fit) move apart along their curves; the violating edge keeps the middle.
 */
import * as assert from 'node:assert/strict';
import { placeEdgeLabels, type EdgeLabel } from '../../src/webview/logic/edge-labels';
import { edgePath, type Box } from '../../src/webview/logic/geometry';

const target: Box = { x: 400, y: 100, width: 150, height: 40 };
const sources: Box[] = [0, 1, 2, 3].map((i) => ({ x: 0, y: 90 + i * 10, width: 150, height: 8 }));

describe('webview: edge label placement', () => {
  it('labels of edges converging on one box do not overlap, and the violating one stays in the middle', () => {
    const labels: EdgeLabel[] = sources.map((s, i) => ({ key: `e${i}`, text: ['1162', '12', '14', '75 · 3 ✕'][i], priority: i === 3 ? 1e9 : 10 - i, at: edgePath(s, target).at }));
    const spots = placeEdgeLabels(labels, [target, ...sources]);
    const boxes = labels.map((l) => ({ ...spots.get(l.key)!, w: l.text.length * 7.5 }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) assert.ok(Math.abs(a.x - b.x) * 2 >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= 13, `labels at ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`);
    }
    assert.deepEqual(spots.get('e3'), edgePath(sources[3], target).mid);
  });

  it('a lone label sits at its curve\'s middle, as before', () => {
    const at = edgePath(sources[0], target).at;
    assert.deepEqual(placeEdgeLabels([{ key: 'e', text: '3', priority: 3, at }], []).get('e'), edgePath(sources[0], target).mid);
  });
});
