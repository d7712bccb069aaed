/** The glob stage's public surface: other stages and the engine's index import only this file. */
export { compileGlob, expandBraces } from './compile-glob';
export { GLOB_LIMITS, globLimitProblem } from './glob-limits';
export { escapeRegExp } from './escape-regexp';
export { globTester } from './glob-tester';
export { posixGlob } from './posix-glob';
