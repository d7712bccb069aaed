/** The init stage's public surface: other stages and the engine's index import only this file. */
export { inferModuleMap, type Observed } from './infer-module-map';
