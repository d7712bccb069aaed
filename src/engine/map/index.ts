/** The map stage's public surface: other stages and the engine's index import only this file. */
export { DependencyPolicy } from './dependency-policy';
export { buildModuleMap, type ModuleInfo, type ModuleMap } from './module-map';
export { compileModulePattern, fillPlaceholders } from './module-pattern';
export { selects } from './selectors';
