import * as assert from 'node:assert/strict';
import { needsDeepWalk } from '../../src/engine/extract/deep-walk-hint';

describe('the deep-walk text hint', () => {
  it('matches a call or import type whatever white space and comments precede the parenthesis', () => {
    for (const text of [
      "import('./a')", "require('./a')", "import ('./a')", "import /* lazy */ ('./a')", 'require /* sync */ ("./a")',
      "import(\n'./a')", "import\n('./a')", "import // c\n('./a')", "import /* a */ /* b */\r\n// c\r\n ('./a')",
      "require?.('./a')", "require ?. /* c */ ('./a')", "import\u2028('./a')", "import\u00a0('./a')", 'type T = import /**/ ("./t").T',
    ]) assert.equal(needsDeepWalk(text), true, JSON.stringify(text));
  });

  it('does not match other uses of the words', () => {
    for (const text of [
      "import { a } from './a'", 'import.meta.url', 'const imports = 1; imports(x)', 'requireX(1)', 'x = require', 'require\n.resolve("x")',
      "import /* c */ x from './x'", '// a require /* … */ call', 'required(1)', '',
    ]) assert.equal(needsDeepWalk(text), false, JSON.stringify(text));
  });

  it('counts an unterminated comment after the word as a match (the scanner declines those files)', () => {
    assert.equal(needsDeepWalk('import /* open'), true);
  });

  it('stays linear on hostile text', () => {
    const started = performance.now();
    needsDeepWalk(`/* ${'import /* '.repeat(200_000)} */`);
    needsDeepWalk(`${'import // '.repeat(200_000)}`);
    needsDeepWalk(`${'require     '.repeat(200_000)}`);
    assert.ok(performance.now() - started < 2000, `took ${Math.round(performance.now() - started)} ms`);
  });
});
