import { ts } from './typescript-scanner';
import { DECLARATION_FILE } from '../model';
import type { ImportKind } from './file-facts';

/** An import written in a comment: what it names and where (offsets into the text). */
export interface CommentDirective {
  kind: ImportKind;
  specifier: string;
  /** The range a fact reports: a reference's value with its quotes, a pragma's package name. */
  start: number;
  end: number;
  /** A types reference's `resolution-mode`. */
  mode?: 'import' | 'require';
}

type References = Pick<ts.SourceFile, 'referencedFiles' | 'typeReferenceDirectives'>;

/**
 * The imports a file writes in the comments before its first token, in source order: `/// <reference
 * path="…" />`, `/// <reference types="…" />` and `@jsxImportSource`. `references` is the parsed
 * source file on the full path; the scanner leaves it out and `ts.preProcessFile(text, false)` runs
 * the same pragma reader the parser does.
 */
export function commentDirectives(fileName: string, text: string, references?: References): CommentDirective[] {
  // Every reference starts with `///`; most files have none, and then nothing else is read.
  const refs = references ?? (text.includes('///') ? ts.preProcessFile(text, false, false) : undefined);
  const directives: CommentDirective[] = refs ? referenceDirectives(refs) : [];
  const jsx = jsxImportSourceDirective(fileName, text);
  if (jsx) directives.push(jsx);
  return directives.sort((a, b) => a.start - b.start);
}

function referenceDirectives(refs: References): CommentDirective[] {
  // TypeScript's ranges leave out the quotes; a fact's range includes them, as for a string literal.
  const quoted = (kind: ImportKind, r: ts.FileReference): CommentDirective => ({ kind, specifier: r.fileName, start: r.pos - 1, end: r.end + 1 });
  return [
    ...refs.referencedFiles.map((r) => quoted('reference-path', r)),
    ...refs.typeReferenceDirectives.map((r) => ({ ...quoted('reference-types', r), ...modeOf(r) })),
  ];
}

function modeOf(r: ts.FileReference): { mode?: 'import' | 'require' } {
  if (r.resolutionMode === ts.ModuleKind.ESNext) return { mode: 'import' };
  if (r.resolutionMode === ts.ModuleKind.CommonJS) return { mode: 'require' };
  return {};
}

/**
 * The import a `/** @jsxImportSource pkg *\/` pragma adds: TypeScript compiles the file's JSX to
 * calls into `pkg/jsx-runtime` and imports that module (in `.ts` and `.js` files too). Read as
 * the compiler reads pragmas: from the block comments before the first token, the last one
 * winning, none when a `@jsxRuntime classic` pragma says so, none in a declaration file. The
 * resolver asks for `jsx-dev-runtime` instead where the project's `jsx` is `react-jsxdev`.
 */
function jsxImportSourceDirective(fileName: string, text: string): CommentDirective | undefined {
  if (!JSX_PRAGMA_HINT.test(text) || DECLARATION_FILE.test(fileName)) return undefined;
  let source: { factory: string; pos: number } | undefined;
  let runtime: string | undefined;
  for (const range of ts.getLeadingCommentRanges(text, 0) ?? []) {
    if (range.kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const comment = text.slice(range.pos, range.end);
    // TypeScript's own pattern for pragmas in block comments (`extractPragmas`).
    const pragma = /@(\S+)(\s+(?:\S.*)?)?$/gm;
    for (let match = pragma.exec(comment); match; match = pragma.exec(comment)) {
      const name = match[1].toLowerCase();
      const args = match[2];
      const factory = args?.trim().split(/\s+/)[0];
      // A pragma without its argument is dropped by the compiler (or falls back to the options).
      if (!factory || (name !== 'jsximportsource' && name !== 'jsxruntime')) continue;
      if (name === 'jsxruntime') runtime = factory;
      else source = { factory, pos: range.pos + match.index + 1 + match[1].length + (args.length - args.trimStart().length) };
    }
  }
  if (!source || runtime === 'classic') return undefined;
  return { kind: 'jsx-import-source', specifier: `${source.factory}/jsx-runtime`, start: source.pos, end: source.pos + source.factory.length };
}

/** Any pragma name the compiler reads case-insensitively starts like this. */
const JSX_PRAGMA_HINT = /@jsx/i;
