/** The database stage's public surface: other stages and the engine's index import only this file. */
export { loadDatabaseSetup, type DatabaseSetup } from './database-setup';
export { DriverMatcher } from './driver-matcher';
export { expandDrivers } from './driver-presets';
export { entityNames, type EntityNames } from './entity-names';
export { declarationNames, lookupNames, TableCatalog, type TableOwner } from './table-catalog';
