import type { DatabaseFacts } from './database/database-facts';
import type { Range } from '../model';

export type ImportKind =
  | 'import'
  | 'export'
  | 'dynamic-import'
  | 'require'
  | 'import-equals'
  | 'import-type-query'
  /** `/// <reference path="…" />`: a file, relative to the referencing one. */
  | 'reference-path'
  /** `/// <reference types="…" />`: a type package. */
  | 'reference-types'
  /** `/** @jsxImportSource pkg *\/`: the `pkg/jsx-runtime` module compiled JSX calls into. */
  | 'jsx-import-source'
  /** `declare module "…" { … }` in a module file: it augments the module the name resolves to. */
  | 'module-augmentation'
  /** `/** @import { T } from "…" *\/` in a JavaScript file: a type-only import. */
  | 'jsdoc-import';

/** Whether the fact is a triple-slash reference rather than an import (messages say "references"). */
export function isReference(kind: ImportKind): boolean {
  return kind === 'reference-path' || kind === 'reference-types';
}

/** One name an import or re-export uses: `imported` in the target, `local` here. */
export interface ImportedName {
  imported: string;
  local: string;
}

/** An import-like reference to another module, found by a syntactic pass over one file. */
export interface ImportFact {
  specifier: string;
  kind: ImportKind;
  typeOnly: boolean;
  /**
   * Range of the string literal, quotes included (for a reference directive, its quoted value; for
   * `@jsxImportSource`, the package name in the comment).
   */
  range: Range;
  /**
   * Names taken from the target: `default`, named imports, or `*` for a namespace import or
   * `export *`. Empty for side-effect imports and calls whose use cannot be known.
   */
  names: ImportedName[];
  /**
   * `resolution-mode="import"|"require"` on a `/// <reference types="…" />`: which of the
   * package's `exports` conditions TypeScript resolves it with.
   */
  mode?: 'import' | 'require';
}

/** What a file exports by re-exporting another file, for tracing re-export laundering. */
export interface ReExport {
  /** Name as this file exports it. */
  exported: string;
  /** Name in the target file. */
  imported: string;
  /** Index into `imports`. */
  importIndex: number;
}

export interface FileFacts {
  imports: ImportFact[];
  /** Names this file declares and exports itself. */
  localExports: string[];
  reExports: ReExport[];
  /** Indexes into `imports` of `export * from` declarations. */
  starExports: number[];
  /** Table references and ORM table declarations; absent when the file has none. */
  database?: DatabaseFacts;
  /** Whether the parser recovered from syntax errors (facts may be partial). */
  syntaxError?: { range: Range; message: string };
}
