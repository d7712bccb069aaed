/** The init stage's public surface: other stages and the engine's index import only this file. */
export { inferModuleMap, type Observed } from './infer-module-map';
export { translateForeignConfig, FOREIGN_TOOLS, foreignToolNamed, ForeignConfigError, type ForeignMap, type ForeignTool } from './from';
