/** The config stage's public surface: other stages and the engine's index import only this file. */
export { configDiagnostic } from './config-diagnostics';
export type { AcceptedCycle, BulkheadConfig, CheckedConfig, DatabaseConfig, DependencyConstraint, ModuleDeclaration, TableFunction, RuleId, RuleSeverity } from './config-types';
export { rebaseConfigPaths } from './rebase-config';
export { CONFIG_FILE_NAME, loadConfigFile, parseConfigText, type ConfigLocator, type LoadedConfig } from './load-config';
