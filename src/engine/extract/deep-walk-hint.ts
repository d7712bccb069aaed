/**
 * Cheap test on the raw text: only files that can contain an `import(…)` or `require(…)` call
 * (or an `import("…")` type) need their whole syntax tree walked; both the full parse and the
 * scanner fast path rely on it. Comments and white space may stand between the word and the
 * parenthesis (`import /* lazy *\/ ("./x")`, `require?.("./y")`), as they may for the parser.
 *
 * A superset of what the walk finds: the word is also matched inside comments and strings, and
 * an unterminated comment after it counts as a match (the scanner then declines anyway).
 */
export function needsDeepWalk(text: string): boolean {
  const trivia = new TriviaSkipper(text);
  for (const match of text.matchAll(CALLEE)) {
    let at = trivia.skip(match.index + match[0].length);
    if (at >= 0 && match[0] === 'require' && text.startsWith('?.', at)) at = trivia.skip(at + 2);
    if (at < 0 || text.charCodeAt(at) === OPEN_PAREN) return true;
  }
  return false;
}

const CALLEE = /\b(?:import|require)\b/g;
const OPEN_PAREN = 0x28;
/** What the TypeScript scanner skips as white space (it also counts U+0085 and U+200B). */
const WHITE_SPACE = /[\s\u0085\u200B]/;

/**
 * Skips white space and comments. Comment ends are remembered: text such as
 * `/* import /* import … *\/` would otherwise search for the same `*\/` once per word.
 */
class TriviaSkipper {
  private readonly ends = new Map<string, { from: number; at: number }>();

  constructor(private readonly text: string) {}

  /** The position of the first token at or after `at`, or -1 inside an unterminated comment. */
  skip(at: number): number {
    const text = this.text;
    while (at < text.length) {
      if (WHITE_SPACE.test(text[at])) {
        at++;
      } else if (text.startsWith('/*', at)) {
        const end = this.indexOf('*/', at + 2);
        if (end < 0) return -1;
        at = end + 2;
      } else if (text.startsWith('//', at)) {
        const end = this.lineEnd(at + 2);
        if (end < 0) return text.length;
        at = end;
      } else {
        return at;
      }
    }
    return at;
  }

  private lineEnd(from: number): number {
    const ends = ['\n', '\r', '\u2028', '\u2029'].map((c) => this.indexOf(c, from)).filter((i) => i >= 0);
    return ends.length === 0 ? -1 : Math.min(...ends);
  }

  /** `text.indexOf(needle, from)`, answered from the last search when that covered `from`. */
  private indexOf(needle: string, from: number): number {
    const last = this.ends.get(needle);
    if (last && from >= last.from && (last.at < 0 || from <= last.at)) return last.at;
    const at = this.text.indexOf(needle, from);
    this.ends.set(needle, { from, at });
    return at;
  }
}

/**
 * Whether a JavaScript file's JSDoc may import (`@import … from "…"`, `@type {import("…").T}`):
 * TypeScript's program follows those in `.js`/`.jsx`/`.cjs`/`.mjs` files only, so only there the
 * full parse reads JSDoc. Matched in the whole text: a superset of what the JSDoc holds.
 */
export function mayImportInJsDoc(fileName: string, text: string): boolean {
  return /\.[cm]?jsx?$/.test(fileName) && text.includes('/**') && JSDOC_IMPORT.test(text);
}

const JSDOC_IMPORT = /@import\b|\bimport\s*\(/;
