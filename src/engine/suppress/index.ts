/** The suppress stage's public surface: other stages and the engine's index import only this file. */
export { findIgnoreComments, type IgnoreComment } from './ignore-comments';
