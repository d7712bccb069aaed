import type { IndexedFile } from '../analyze';
import type { Position } from '../model';

/** How a file writes its import statements, so that a line added to it looks like its neighbours. */
export interface CodeStyle {
  quote: "'" | '"';
  semicolon: boolean;
  eol: '\n' | '\r\n';
  /** Whether relative specifiers carry an extension (`./user.js`, as NodeNext/ESM requires). */
  extension: boolean;
}

/**
 * The style of `file`'s own import/export statements; where it has none, the style of `fallback`
 * (the importing file). Only module-level statements count: a `require` call says nothing of them.
 */
export function codeStyle(file: { entry?: IndexedFile; text: string }, fallback: { entry: IndexedFile; text: string }): CodeStyle {
  const own = statementStyle(file.entry, file.text);
  const other = statementStyle(fallback.entry, fallback.text);
  const chosen = own ?? other ?? { quote: "'", semicolon: true, extension: false };
  const text = file.text || fallback.text;
  return { ...chosen, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function statementStyle(entry: IndexedFile | undefined, text: string): Omit<CodeStyle, 'eol'> | undefined {
  const facts = entry?.facts.imports.filter((f) => f.kind === 'import' || f.kind === 'export') ?? [];
  if (facts.length === 0) return undefined;
  const offsetOf = (p: Position) => offsetAt(text, p);
  const first = facts[0];
  const quote = text[offsetOf(first.range.start)] === '"' ? '"' : "'";
  const semicolon = facts.some((f) => /^\s*(?:(?:with|assert)\s*\{[^}]*\}\s*)?;/.test(text.slice(offsetOf(f.range.end), offsetOf(f.range.end) + 200)));
  const relative = facts.filter((f) => f.specifier.startsWith('.'));
  const extension = relative.length > 0 && relative.every((f) => /\.[cm]?[jt]sx?$/.test(f.specifier));
  return { quote, semicolon, extension };
}

/** The offset of a 1-based position (lines end at `\n`, `\r\n` or `\r`, as in editors). */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 1; line < position.line; line++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next < 0) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return offset + position.column - 1;
}
