import type { ts } from 'ts-morph';
import type { ImportKind, ImportedName } from './file-facts';

/** Records one import found in the syntax tree; returns its index among the file's imports. */
export type AddFact = (literal: ts.StringLiteralLike, kind: ImportKind, typeOnly: boolean, names: ImportedName[]) => number;
