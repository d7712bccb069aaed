/** The resolve stage's public surface: other stages and the engine's index import only this file. */
export { isLocalSpecifier, isPathSpecifier } from './local-specifier';
export type { ModuleResolver, Resolution } from './module-resolver';
export { ResolutionHost } from './resolution-host';
export type { TsconfigRegistry } from './tsconfig-registry';
export { readWorkspacePackages } from './workspace-packages';
