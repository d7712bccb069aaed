/** The rules stage's public surface: other stages and the engine's index import only this file. */
export { ALL_RULES } from './all-rules';
export type { Finding, RuleContext } from './rule';
export { RuleState } from './rule-state';
export { cycleFindings } from './cycle';
export { databaseFindingsOf } from './database-coupling';
export { newState as newDatabaseState, tracedWith, type DatabaseState } from './database-coupling-state';
export { internalImportsOf, publicEntriesOf, reachesUnscannedPublic } from './internal-import';
export { changedTableNames, referencesTables } from './table-names';
