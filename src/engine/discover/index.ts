/** The discover stage's public surface: other stages and the engine's index import only this file. */
export { findSourceFiles, sourceFileFilter, walkSourceFiles, type WalkMemo } from './find-source-files';
