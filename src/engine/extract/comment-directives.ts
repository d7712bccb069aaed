import { ts } from 'ts-morph';
import type { ImportKind } from './file-facts';

/** An import written in a comment: where its value stands (without quotes) and what it names. */
export interface CommentDirective {
  kind: ImportKind;
  specifier: string;
  /** Start and end of the value, quotes excluded. */
  pos: number;
  end: number;
}

/**
 * The `/// <reference path="…" />` and `/// <reference types="…" />` directives of a file, in source
 * order. TypeScript reads them from the comments before the first token only; `refs` is either the
 * parsed source file or `ts.preProcessFile(text, false)`, which run the same pragma reader.
 */
export function referenceDirectives(refs: { referencedFiles: readonly ts.FileReference[]; typeReferenceDirectives: readonly ts.FileReference[] }): CommentDirective[] {
  const directives: CommentDirective[] = [
    ...refs.referencedFiles.map((r) => ({ kind: 'reference-path' as const, specifier: r.fileName, pos: r.pos, end: r.end })),
    ...refs.typeReferenceDirectives.map((r) => ({ kind: 'reference-types' as const, specifier: r.fileName, pos: r.pos, end: r.end })),
  ];
  return directives.sort((a, b) => a.pos - b.pos);
}

/** The scanner's way to the same directives, without a syntax tree. */
export function scanReferenceDirectives(text: string): CommentDirective[] {
  // Every directive starts with `///`; most files have none, and then nothing else is read.
  if (!text.includes('///')) return [];
  return referenceDirectives(ts.preProcessFile(text, false, false));
}
