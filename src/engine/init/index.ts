/** The init stage's public surface: other stages and the engine's index import only this file. */
export { inferModuleMap } from './infer-module-map';
