import * as assert from 'node:assert/strict';
import type { Violation } from '../../../src/engine';
import { ignoreCommentFix, REASON_PLACEHOLDER } from '../../../src/engine/fixes/ignore-comment-fix';

const violation: Violation = {
  rule: 'cycle', severity: 'error', message: 'm', file: 'src/a.ts', fingerprint: 'f',
  range: { start: { line: 3, column: 25 }, end: { line: 3, column: 35 } },
};

describe('fix: ignore comment', () => {
  it('inserts the comment above the line, with its indentation and a reason to replace', () => {
    const fix = ignoreCommentFix(violation, '\t  import { x } from "../b";');
    assert.deepEqual(fix.edits, [{
      file: 'src/a.ts',
      range: { start: { line: 3, column: 1 }, end: { line: 3, column: 1 } },
      newText: `\t  // bulkhead-ignore cycle: ${REASON_PLACEHOLDER}\n`,
    }]);
    assert.equal(fix.placeholder, REASON_PLACEHOLDER);
    assert.equal(fix.isPreferred, undefined);
  });
});
