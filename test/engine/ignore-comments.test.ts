import * as assert from 'node:assert/strict';
import { findIgnoreComments } from '../../src/engine/suppress/ignore-comments';

describe('bulkhead-ignore comments', () => {
  it('reads rules and reason from line and block comments', () => {
    const [a, b, c] = findIgnoreComments([
      '// bulkhead-ignore internal-import: moving to the public API in PLAT-142',
      "import x from './x'; /* bulkhead-ignore cycle, undeclared-dependency: split planned */",
      '// bulkhead-ignore internal-import',
      "import y from './y';",
    ].join('\n'));
    assert.deepEqual([a.rules, a.reason, a.targetLine], [['internal-import'], 'moving to the public API in PLAT-142', 2]);
    assert.deepEqual([b.rules, b.reason, b.targetLine], [['cycle', 'undeclared-dependency'], 'split planned', 2]);
    assert.deepEqual([c.rules, c.reason, c.targetLine], [['internal-import'], '', 4]);
  });

  it('skips comment lines and blank lines to find the line a comment applies to', () => {
    const [c] = findIgnoreComments('// bulkhead-ignore cycle: reason\n// more words\n\n * continued\nimport a from "./a";\n');
    assert.equal(c.targetLine, 5);
  });

  it('applies to comment lines that import: reference directives and @jsxImportSource pragmas', () => {
    const [a, b, c, d] = findIgnoreComments([
      '// bulkhead-ignore internal-import: the env typings move in PLAT-9',
      '/// <reference path="../shared/internal/env.d.ts" />',
      '/// <reference types="billing-api" /> // bulkhead-ignore undeclared-dependency: generated',
      '/**',
      ' * // bulkhead-ignore internal-import: our own runtime',
      ' * @jsxImportSource @b/internal',
      ' */',
      '// bulkhead-ignore cycle: an ordinary comment line is still skipped',
      '// see the ADR',
      "import a from './a';",
    ].join('\n'));
    assert.deepEqual([a.targetLine, b.targetLine, c.targetLine, d.targetLine], [2, 3, 6, 10]);
  });

  it('ignores the marker inside strings and costs nothing without it', () => {
    assert.deepEqual(findIgnoreComments('const s = "// bulkhead-ignore cycle: not a comment";\n'), []);
    assert.deepEqual(findIgnoreComments('import a from "./a";\n'.repeat(1000)), []);
  });

  it('handles CRLF line endings', () => {
    const [c] = findIgnoreComments('// bulkhead-ignore cycle: why\r\nimport a from "./a";\r\n');
    assert.deepEqual([c.reason, c.targetLine], ['why', 2]);
  });
});
