/** The extract stage's public surface: other stages and the engine's index import only this file. */
export type { DatabaseFacts, TableDeclaration, TableReference } from './database/database-facts';
export { prismaDelegate } from './database/naming';
export { isReference, type FileFacts, type ImportFact, type ImportKind } from './file-facts';
export { MAX_SOURCE_BYTES, readSource, readSourceText } from './read-source';
