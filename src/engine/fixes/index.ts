/** The fixes stage's public surface: other stages and the engine's index import only this file. */
export { applyFileEdits } from './add-dependency-fix';
export { computeFixes } from './compute-fixes';
export type { FileEdit, Fix, FixKind } from './fix';
export { REASON_PLACEHOLDER } from './ignore-comment-fix';
