/** The io stage's public surface: other stages and the engine's index import only this file. */
export { writeFileAtomic } from './atomic-write';
export { INPUT_LIMITS, readRegularFile, readRegularText } from './read-regular-file';
export { RACY_WINDOW_MS } from './racy-window';
