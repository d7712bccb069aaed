import { ts } from 'ts-morph';
import type { CodeHints } from './code-hints';

const SK = ts.SyntaxKind;

/**
 * Walks the tokens of one file with TypeScript's scanner alone, keeping track of how deeply each
 * token sits inside (), [], {} and template substitutions. The scanner cannot tell a regular
 * expression from a division or a template's `}` from a block's, so this does what the parser
 * would: re-scans `/` as a regular expression where an expression cannot have just ended, and
 * `}` as the rest of a template when the innermost open bracket is a template substitution.
 *
 * Anything damaged (a scanner error, an unbalanced or mismatched bracket, two tokens that can
 * never stand next to each other) sets `failed` and ends the walk, so callers only ever see the
 * tokens of files whose token stream and brackets are sound.
 */
export class TokenCursor {
  kind: ts.SyntaxKind = SK.Unknown;
  prevKind: ts.SyntaxKind = SK.Unknown;
  /** Open brackets around the current token; closing tokens count at their opener's level. */
  depth = 0;
  /** Whether the current token closes something (`)`, `]`, `}`, the rest of a template). */
  closes = false;
  failed = false;
  private readonly scanner: ts.Scanner;
  private readonly open: ts.SyntaxKind[] = [];

  constructor(text: string, variant: ts.LanguageVariant, private readonly hints?: CodeHints) {
    this.scanner = ts.createScanner(ts.ScriptTarget.Latest, true, variant, text, () => {
      this.failed = true;
    });
  }

  /** The current token's kind (a method, so that TypeScript does not narrow it across `next()`). */
  token(): ts.SyntaxKind {
    return this.kind;
  }

  get start(): number {
    return this.scanner.getTokenStart();
  }

  get end(): number {
    return this.scanner.getTokenEnd();
  }

  /** Identifier name or string value, escapes decoded (what the syntax tree's `.text` holds). */
  get value(): string {
    return this.scanner.getTokenValue();
  }

  get lineBreakBefore(): boolean {
    return this.scanner.hasPrecedingLineBreak();
  }

  next(): ts.SyntaxKind {
    if (this.failed) return this.stop();
    this.prevKind = this.kind;
    let kind = this.scanner.scan();
    if ((kind === SK.SlashToken || kind === SK.SlashEqualsToken) && !endsExpression(this.prevKind)) kind = this.scanner.reScanSlashToken();
    this.closes = false;
    switch (kind) {
      case SK.OpenBraceToken:
      case SK.OpenParenToken:
      case SK.OpenBracketToken:
      case SK.TemplateHead:
        this.depth = this.open.length;
        this.open.push(kind);
        break;
      case SK.CloseBraceToken: {
        const opener = this.open.pop();
        this.closes = true;
        this.depth = this.open.length;
        if (opener === SK.TemplateHead) {
          kind = this.scanner.reScanTemplateToken(false);
          if (kind === SK.TemplateMiddle) this.open.push(SK.TemplateHead);
          else if (kind !== SK.TemplateTail) return this.stop();
        } else if (opener !== SK.OpenBraceToken) return this.stop();
        break;
      }
      case SK.CloseParenToken:
      case SK.CloseBracketToken:
        this.closes = true;
        if (this.open.pop() !== (kind === SK.CloseParenToken ? SK.OpenParenToken : SK.OpenBracketToken)) return this.stop();
        this.depth = this.open.length;
        break;
      case SK.EndOfFileToken:
        if (this.open.length > 0) return this.stop();
        this.depth = 0;
        break;
      default:
        this.depth = this.open.length;
    }
    if ((KIND_FLAGS[this.prevKind] & NEEDS_OPERAND) !== 0 && (KIND_FLAGS[kind] & CANNOT_BE_OPERAND) !== 0) return this.stop();
    // `\u0065xport` scans as `export`, but the parser rejects keywords written with escapes.
    if (kind >= SK.FirstKeyword && kind <= SK.LastKeyword && this.scanner.hasUnicodeEscape()) return this.stop();
    if ((this.prevKind === SK.ConstKeyword || this.prevKind === SK.VarKeyword) && kind === SK.EqualsToken) return this.stop();
    if (this.hints) {
      this.hints.token(kind, () => this.scanner.getTokenText(), () => ({ start: this.scanner.getTokenStart(), end: this.scanner.getTokenEnd(), value: this.scanner.getTokenValue() }));
      // The file needs the full parse: no need to read further.
      if (this.hints.found) return this.stop();
    }
    this.kind = kind;
    return kind;
  }

  /** Marks the file as not scannable and ends the walk. */
  stop(): ts.SyntaxKind {
    this.failed = true;
    this.kind = SK.EndOfFileToken;
    this.depth = 0;
    this.closes = false;
    return this.kind;
  }
}

/** Identifiers and the keywords that may serve as one (`type`, `from`, `as`, `let`, …). */
export function isIdentifierLike(kind: ts.SyntaxKind): boolean {
  return kind === SK.Identifier || (kind > SK.LastReservedWord && kind <= SK.LastKeyword);
}

/** Any name that may follow a `.` or stand in an import/export list: identifiers and all keywords. */
export function isIdentifierOrKeyword(kind: ts.SyntaxKind): boolean {
  return kind === SK.Identifier || (kind >= SK.FirstKeyword && kind <= SK.LastKeyword);
}

/** Whether an expression can end with this token, i.e. a following `/` divides. */
export function endsExpression(kind: ts.SyntaxKind): boolean {
  switch (kind) {
    case SK.Identifier:
    case SK.PrivateIdentifier:
    case SK.NumericLiteral:
    case SK.BigIntLiteral:
    case SK.StringLiteral:
    case SK.RegularExpressionLiteral:
    case SK.NoSubstitutionTemplateLiteral:
    case SK.TemplateTail:
    case SK.CloseParenToken:
    case SK.CloseBracketToken:
    case SK.CloseBraceToken:
    case SK.PlusPlusToken:
    case SK.MinusMinusToken:
    case SK.ThisKeyword:
    case SK.SuperKeyword:
    case SK.TrueKeyword:
    case SK.FalseKeyword:
    case SK.NullKeyword:
      return true;
    case SK.YieldKeyword:
    case SK.AwaitKeyword:
      return false;
    default:
      return kind > SK.LastReservedWord && kind <= SK.LastKeyword;
  }
}

/** Bits of KIND_FLAGS, a table by SyntaxKind (read for every token, so no Set). */
const NEEDS_OPERAND = 1;
const CANNOT_BE_OPERAND = 2;
const KIND_FLAGS = new Uint8Array(SK.Count);
/** Operators that always need an operand after them. */
for (const kind of [
  SK.EqualsToken, SK.EqualsEqualsToken, SK.EqualsEqualsEqualsToken, SK.ExclamationEqualsToken, SK.ExclamationEqualsEqualsToken,
  SK.PlusEqualsToken, SK.MinusEqualsToken, SK.AsteriskEqualsToken, SK.AsteriskAsteriskEqualsToken, SK.SlashEqualsToken,
  SK.PercentEqualsToken, SK.AmpersandEqualsToken, SK.BarEqualsToken, SK.CaretEqualsToken, SK.LessThanLessThanEqualsToken,
  SK.AmpersandAmpersandEqualsToken, SK.BarBarEqualsToken, SK.QuestionQuestionEqualsToken,
  SK.AmpersandAmpersandToken, SK.BarBarToken, SK.QuestionQuestionToken, SK.EqualsGreaterThanToken,
  SK.DotToken, SK.QuestionDotToken, SK.PlusToken, SK.MinusToken, SK.SlashToken, SK.PercentToken, SK.AsteriskAsteriskToken,
  SK.LessThanEqualsToken, SK.LessThanLessThanToken, SK.CaretToken, SK.TildeToken, SK.DotDotDotToken,
]) KIND_FLAGS[kind] |= NEEDS_OPERAND;
/** Tokens that can never be the operand an operator is waiting for. */
for (const kind of [
  SK.SemicolonToken, SK.CloseParenToken, SK.CloseBracketToken, SK.CloseBraceToken, SK.CommaToken, SK.EndOfFileToken,
]) KIND_FLAGS[kind] |= CANNOT_BE_OPERAND;
