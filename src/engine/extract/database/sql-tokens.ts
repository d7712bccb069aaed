/** One token of SQL text; offsets index into the text that was tokenized. */
export interface SqlToken {
  kind: 'word' | 'quoted' | 'punct' | 'param';
  /** Words keep their spelling; quoted identifiers lose their quotes. */
  value: string;
  start: number;
  end: number;
}

const isWordStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordPart = (c: number): boolean => isWordStart(c) || isDigit(c) || c === 36;
const CLOSING: Record<string, string> = { '"': '"', '`': '`', '[': ']' };

/**
 * Splits SQL into words, quoted identifiers (`"x"`, `` `x` ``, `[x]`), punctuation and parameters.
 * String literals, numbers, operators and comments are dropped, so a table name inside
 * `'…'` or `-- …` is never seen. Never throws: unterminated parts run to the end of the text.
 */
export function tokenizeSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === "'") {
      i = skipString(text, i + 1);
    } else if (c === '"' || c === '`' || (c === '[' && isWordStart(text.charCodeAt(i + 1)))) {
      const close = text.indexOf(CLOSING[c], i + 1);
      const end = close < 0 ? n : close + 1;
      // Trimmed: a JS escape (`\"x\"`) leaves a blank where its backslash was.
      tokens.push({ kind: 'quoted', value: text.slice(i + 1, close < 0 ? n : close).trim(), start: i, end });
      i = end;
    } else if (isWordStart(text.charCodeAt(i))) {
      const start = i;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      // E'…' and N'…' are string literals with a prefix, not words.
      if (text[i] === "'" && i - start === 1) {
        i = skipString(text, i + 1);
        continue;
      }
      tokens.push({ kind: 'word', value: text.slice(start, i), start, end: i });
    } else if (c === '?' || ((c === '$' || c === ':' || c === '@') && isWordPart(text.charCodeAt(i + 1)) && text.charCodeAt(i + 1) !== 36 && text[i - 1] !== ':')) {
      const start = i++;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'param', value: text.slice(start, i), start, end: i });
    } else if (c === '.' || c === ',' || c === '(' || c === ')' || c === ';') {
      tokens.push({ kind: 'punct', value: c, start: i, end: i + 1 });
      i++;
    } else if (isDigit(text.charCodeAt(i))) {
      while (i < n && (isWordPart(text.charCodeAt(i)) || text[i] === '.')) i++;
    } else {
      i++;
    }
  }
  return tokens;
}

/** Index just past a `'…'` literal that opened before `from` (`''` and `\'` are escapes). */
function skipString(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === "'") {
      if (text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
