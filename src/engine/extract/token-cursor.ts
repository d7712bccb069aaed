import { ts } from './typescript-scanner';
import type { CodeHints } from './code-hints';

const SK = ts.SyntaxKind;

/**
 * The scanner a released cursor left for the next: each `createScanner` makes its ~60 functions
 * anew as closures (34 MB over medusa's files in a cold check).
 */
let idleScanner: ts.Scanner | undefined;

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
  private readonly jsx: boolean;
  /** JSX elements being skipped around the current token (see skipJsxElement). */
  private jsxNesting = 0;

  constructor(text: string, variant: ts.LanguageVariant, private readonly hints?: CodeHints) {
    this.jsx = variant === ts.LanguageVariant.JSX;
    const onError = (): void => {
      this.failed = true;
    };
    const idle = idleScanner;
    idleScanner = undefined;
    if (idle) {
      idle.setLanguageVariant(variant);
      idle.setOnError(onError);
      idle.setText(text);
    }
    this.scanner = idle ?? ts.createScanner(ts.ScriptTarget.Latest, true, variant, text, onError);
  }

  /** Lends the scanner to the next cursor: this one is not used after. */
  release(): void {
    this.scanner.setOnError(undefined);
    this.scanner.setText('');
    idleScanner = this.scanner;
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

  /** Whether the current token is inside a JSX element (its braces' code), whose opening brace no hint saw. */
  get inJsx(): boolean {
    return this.jsxNesting > 0;
  }

  /** The current token's source text (a literal's with its quotes). */
  get text(): string {
    return this.scanner.getTokenText();
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
    // Where an expression starts, `<` opens a JSX element (a .tsx file has no `<T>x` casts).
    if (kind === SK.LessThanToken && this.jsx && !endsExpression(this.prevKind) && !this.arrowTypeParameters()) return this.jsxElement();
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
      this.hints.token(kind, this);
      // The file needs the full parse: no need to read further.
      if (this.hints.found) return this.stop();
    }
    this.kind = kind;
    return kind;
  }

  /**
   * Reads a whole JSX element as one token (SK.JsxElement) at the `<`'s depth: import and export
   * facts never stand inside one, and its text (`Don't`, `http://…`, `a > b`) does not scan as
   * code. The expressions in its braces are read as code, with the brackets, hints and nested
   * elements of any other expression. Anything the parser would not read as JSX the same way
   * (type arguments `<T,>(…)`, a closing tag that does not match) stops the walk.
   */
  private jsxElement(): ts.SyntaxKind {
    const before = this.prevKind;
    if (!this.skipJsxElement() || this.failed) return this.stop();
    this.prevKind = before;
    this.depth = this.open.length;
    this.closes = false;
    if (this.hints) {
      this.hints.token(SK.JsxElement, this);
      if (this.hints.found) return this.stop();
    }
    this.kind = SK.JsxElement;
    return this.kind;
  }

  /**
   * At `<`: whether it opens a generic arrow function's type parameters, as the parser decides in
   * a JSX file: `<T,`, `<T = …`, `<const T,` and `<T extends U` (but not `<T extends>` or
   * `<T extends=…`, which are elements with an attribute named `extends`).
   */
  private arrowTypeParameters(): boolean {
    const s = this.scanner;
    return s.lookAhead(() => {
      let t = s.scan();
      if (t === SK.ConstKeyword) t = s.scan();
      if (!isIdentifierLike(t)) return false;
      t = s.scan();
      if (t === SK.ExtendsKeyword) {
        const after = s.scan();
        return after !== SK.EqualsToken && after !== SK.GreaterThanToken && after !== SK.SlashToken;
      }
      return t === SK.CommaToken || t === SK.EqualsToken;
    });
  }

  /**
   * At `<` after an expression: whether what follows reads as type arguments of a call
   * (`f<A, B>(x)`, `tag<T>\`…\``), which the parser tries before a comparison. Only tokens that
   * can form types are accepted, names never stand two in a row (outside `typeof x`, `keyof T`…),
   * and the closing `>` must be followed by `(` or a template, as the parser requires; anything
   * else answers false, and the caller stays as careful as before.
   */
  typeArgumentsBeforeCall(): boolean {
    const s = this.scanner;
    return s.lookAhead(() => {
      let angles = 1;
      let brackets = 0;
      let previous: ts.SyntaxKind = SK.LessThanToken;
      for (let n = 0; n < MAX_TYPE_ARGUMENT_TOKENS; n++) {
        const t = s.scan();
        if (t === SK.LessThanToken) angles++;
        else if (t === SK.GreaterThanToken) {
          if (--angles === 0) {
            if (brackets !== 0) return false;
            const after = s.scan();
            return after === SK.OpenParenToken || after === SK.NoSubstitutionTemplateLiteral || after === SK.TemplateHead;
          }
        } else if (t === SK.OpenParenToken || t === SK.OpenBracketToken || t === SK.OpenBraceToken) brackets++;
        else if (t === SK.CloseParenToken || t === SK.CloseBracketToken || t === SK.CloseBraceToken) {
          if (--brackets < 0) return false;
        } else if (isIdentifierOrKeyword(t)) {
          if (isIdentifierOrKeyword(previous) && !TYPE_OPERATOR_WORDS.has(previous) && t !== SK.ExtendsKeyword && t !== SK.IsKeyword) return false;
        } else if (!TYPE_TOKENS.has(t)) return false;
        previous = t;
      }
      return false;
    });
  }

  /** After `<`: the element's name, attributes and children, up to its last `>`. */
  private skipJsxElement(): boolean {
    if (this.jsxNesting >= MAX_JSX_NESTING) return false;
    this.jsxNesting++;
    const ok = this.skipJsxElementBody();
    this.jsxNesting--;
    return ok;
  }

  private skipJsxElementBody(): boolean {
    const s = this.scanner;
    // `<>…</>`: a fragment.
    if (s.scan() === SK.GreaterThanToken) return this.skipJsxChildren(undefined);
    const tag = this.jsxName();
    if (!tag) return false;
    let t = tag.next;
    for (;;) {
      if (this.failed) return false;
      if (t === SK.GreaterThanToken) return this.skipJsxChildren(tag.name);
      if (t === SK.SlashToken) return s.scan() === SK.GreaterThanToken;
      if (t === SK.OpenBraceToken) {
        // `{...props}`
        if (!this.skipJsxExpression()) return false;
        t = s.scan();
        continue;
      }
      // An attribute name (`aria-label`, `xlink:href`); anything else, `<` of type arguments included, is not read here.
      if (!isIdentifierOrKeyword(t)) return false;
      s.scanJsxIdentifier();
      t = s.scan();
      if (t === SK.ColonToken) {
        if (!isIdentifierOrKeyword(s.scan())) return false;
        s.scanJsxIdentifier();
        t = s.scan();
      }
      if (t !== SK.EqualsToken) continue;
      const value = s.scanJsxAttributeValue();
      if (value === SK.OpenBraceToken) {
        if (!this.skipJsxExpression()) return false;
      } else if (value === SK.LessThanToken) {
        if (!this.skipJsxElement()) return false;
      } else if (value !== SK.StringLiteral) {
        return false;
      }
      t = s.scan();
    }
  }

  /** After an opening tag's `>`: text, `{…}` and elements up to the closing tag named `name` (none: `</>`). */
  private skipJsxChildren(name: string | undefined): boolean {
    const s = this.scanner;
    for (;;) {
      const t = s.scanJsxToken();
      if (this.failed) return false;
      switch (t) {
        case SK.JsxText:
        case SK.JsxTextAllWhiteSpaces:
          continue;
        case SK.OpenBraceToken:
          if (!this.skipJsxExpression()) return false;
          continue;
        case SK.LessThanToken:
          if (!this.skipJsxElement()) return false;
          continue;
        case SK.LessThanSlashToken: {
          const first = s.scan();
          if (name === undefined) return first === SK.GreaterThanToken;
          const closing = this.jsxName();
          return closing?.name === name && closing.next === SK.GreaterThanToken;
        }
        default:
          return false;
      }
    }
  }

  /** At a tag name's first token: the whole name (`a-b`, `a:b`, `A.B.C`) and the token after it. */
  private jsxName(): { name: string; next: ts.SyntaxKind } | undefined {
    const s = this.scanner;
    if (!isIdentifierOrKeyword(s.getToken())) return undefined;
    s.scanJsxIdentifier();
    let name = s.getTokenText();
    let t = s.scan();
    if (t === SK.ColonToken) {
      if (!isIdentifierOrKeyword(s.scan())) return undefined;
      s.scanJsxIdentifier();
      return { name: `${name}:${s.getTokenText()}`, next: s.scan() };
    }
    while (t === SK.DotToken) {
      if (!isIdentifierOrKeyword(s.scan())) return undefined;
      name += `.${s.getTokenText()}`;
      t = s.scan();
    }
    return { name, next: t };
  }

  /** At the `{` of a JSX expression: its tokens as code, through the matching `}`. */
  private skipJsxExpression(): boolean {
    this.open.push(SK.OpenBraceToken);
    const level = this.open.length - 1;
    // The token before the expression's first: a `/` there starts a regular expression, a `<` an element.
    this.kind = SK.OpenBraceToken;
    for (;;) {
      const k = this.next();
      if (this.failed || k === SK.EndOfFileToken) return false;
      if (k === SK.CloseBraceToken && this.open.length === level) return true;
    }
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

/** Identifiers and keywords: what may be a name in a call shape. */
export function isWordKind(kind: ts.SyntaxKind): boolean {
  return kind === SK.Identifier || kind === SK.PrivateIdentifier || (kind >= SK.FirstKeyword && kind <= SK.LastKeyword);
}

/** Identifiers and the keywords that may serve as one (`type`, `from`, `as`, `let`, …). */
export function isIdentifierLike(kind: ts.SyntaxKind): boolean {
  return kind === SK.Identifier || (kind > SK.LastReservedWord && kind <= SK.LastKeyword);
}

/** Any name that may follow a `.` or stand in an import/export list: identifiers and all keywords. */
export function isIdentifierOrKeyword(kind: ts.SyntaxKind): boolean {
  return kind === SK.Identifier || (kind >= SK.FirstKeyword && kind <= SK.LastKeyword);
}

/**
 * Tokens after which an expression or a type may or may not be complete: `as`, `keyof` and the
 * like are operators after an expression or in a type but identifiers elsewhere, `!` may be a
 * non-null assertion, `void` a type, `const` the end of `as const`. A line break after them is no sure statement end, nor a sure
 * continuation.
 */
export const MAY_END_EXPRESSION = new Set<ts.SyntaxKind>([
  SK.AsKeyword, SK.SatisfiesKeyword, SK.KeyOfKeyword, SK.InferKeyword, SK.IsKeyword, SK.AssertsKeyword, SK.UniqueKeyword,
  SK.ReadonlyKeyword, SK.OfKeyword, SK.ExclamationToken, SK.VoidKeyword, SK.YieldKeyword, SK.ConstKeyword,
]);

/** MAY_END_EXPRESSION, and `++`/`--`, which after a line break are the next operand's prefix. */
const MAY_GO_ON: ReadonlySet<ts.SyntaxKind> = new Set([...MAY_END_EXPRESSION, SK.PlusPlusToken, SK.MinusMinusToken]);

/**
 * Whether a token may begin a statement, as far as the one before it tells: at the start, after
 * `;` or `}`, or after a line break that follows a complete expression (ASI), unless what came
 * before may go on (see MAY_GO_ON).
 */
export function mayStartStatement(previous: ts.SyntaxKind, lineBreakBefore: boolean): boolean {
  return previous === SK.Unknown || previous === SK.SemicolonToken || previous === SK.CloseBraceToken ||
    (lineBreakBefore && endsExpression(previous) && !MAY_GO_ON.has(previous));
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
    case SK.JsxElement:
      return true;
    case SK.YieldKeyword:
    case SK.AwaitKeyword:
      return false;
    default:
      return kind > SK.LastReservedWord && kind <= SK.LastKeyword;
  }
}

/** Tokens besides names and brackets that may stand in type arguments (no `-`: `a < b - 1, c > (d)` compares). */
const TYPE_TOKENS: ReadonlySet<ts.SyntaxKind> = new Set([
  SK.DotToken, SK.CommaToken, SK.BarToken, SK.AmpersandToken, SK.ColonToken, SK.SemicolonToken, SK.QuestionToken,
  SK.EqualsGreaterThanToken, SK.DotDotDotToken, SK.StringLiteral, SK.NumericLiteral, SK.NoSubstitutionTemplateLiteral,
]);
/** Words a name may follow in a type (`typeof x`, `keyof T`, `A extends B`, `infer U`, `readonly T[]`). */
const TYPE_OPERATOR_WORDS: ReadonlySet<ts.SyntaxKind> = new Set([
  SK.TypeOfKeyword, SK.KeyOfKeyword, SK.ReadonlyKeyword, SK.UniqueKeyword, SK.InferKeyword, SK.ExtendsKeyword,
  SK.NewKeyword, SK.IsKeyword, SK.AssertsKeyword, SK.InKeyword, SK.AbstractKeyword,
]);
/** A longer `<…>` is not looked through. */
const MAX_TYPE_ARGUMENT_TOKENS = 256;

/** Deeper JSX nesting than this declines (each level is a few frames of recursion). */
const MAX_JSX_NESTING = 200;

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
