import { ts } from './typescript-scanner';
import { DatabaseTokenHints } from './database/database-token-hints';
import type { EntityClass } from './database/entity-class-tokens';
import { isWordKind } from './token-cursor';

const SK = ts.SyntaxKind;

/** The current token as the hints read it, each property computed only when asked (see TokenCursor). */
export interface HintToken {
  /** Source text; a literal's with its quotes. */
  readonly text: string;
  /** Identifier name or a literal's cooked text. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** Brackets open around the token (closing ones count at their opener's level). */
  readonly depth: number;
  readonly inJsx: boolean;
  readonly lineBreakBefore: boolean;
}

/** What the database hints read: the file's text and table functions, and the text test of the walk. */
export interface DatabaseHintInput {
  text: string;
  /** The names of the map's table functions (`database.tableFunctions`). */
  functions: ReadonlySet<string>;
  /** Whether the database walk would run on this text (`mayMentionDatabase`). */
  admits: () => boolean;
}


/**
 * The text tests that send a file to the full parse (`needsDeepWalk`, `mayMentionDatabase`)
 * match comments too, and well-documented code mentions `import(`, `from(` or `` `select ``
 * in its comments all the time. This asks the same questions of the tokens the scanner meets
 * (comments are trivia), so a file whose hints are all in comments can stay on the fast path.
 *
 * The database questions are asked of call shapes and literals (see DatabaseTokenHints); the
 * deep-walk question is `import` or `require` followed by `(` (or `?.(`), looked for only when its
 * text test matched. The database questions are asked of every token; their text test, which
 * also gates the walk itself, only once they found a shape (a regular expression over the whole
 * text cost more than the tokens' own set lookups).
 */
export class CodeHints {
  found = false;
  private wordKind: ts.SyntaxKind = SK.Unknown;
  private word: string | undefined;
  private databaseHints?: DatabaseTokenHints;
  private databaseAdmits?: () => boolean;
  /**
   * How far the tokens just seen follow `import A = require (`, whose `require (` is no call
   * (the walk finds nothing there): 1 after `import`, 2 after its name (or `type`), 3 after `=`,
   * 4 after `require`.
   */
  private importEquals = 0;
  /**
   * How far the tokens just seen follow `type Name<…> =`, after which `require` is a type and a
   * `(` on the next line starts a statement of its own: 1 after `type`, 2 after the name, 3 inside
   * its type parameters (`angles` deep), 4 after `=`.
   */
  private typeAlias = 0;
  private angles = 0;

  constructor(database: DatabaseHintInput | undefined, private readonly deepWalk: boolean) {
    if (database) {
      this.databaseHints = new DatabaseTokenHints(database.functions, database.text);
      this.databaseAdmits = database.admits;
    }
  }

  /**
   * `require("…")` calls and `await import("…")` / `return import("…")` calls read from the
   * tokens, in document order (the order the syntax tree walk meets them): the calls the walk
   * counts, so a file whose only deep imports are these stays on the fast path. Any other
   * `import(…)` still sends the file to the parse: whether it is a call or a type (`() =>
   * import("x")` is both) only the syntax tree tells; after `await` or `return` it is a call.
   */
  readonly deepImports: DeepImport[] = [];
  /** How far the tokens just seen follow `await import(`: see `dynamicImportStep`. */
  private dynamicImport = DynamicImportStage.None;
  private dynamicLiteral?: { start: number; end: number; value: string };
  /** The kinds of the two tokens before the previous one (`wordKind`), newest first. */
  private before2: ts.SyntaxKind = SK.Unknown;
  private before3: ts.SyntaxKind = SK.Unknown;
  /** How far the tokens just seen follow a `require` call: see `requireStep`. */
  private require = RequireStage.None;
  private requireLiteral?: { start: number; end: number; value: string };
  /** The token before the current one. */
  private lastKind: ts.SyntaxKind = SK.Unknown;

  /** Called with each token. */
  token(kind: ts.SyntaxKind, token: HintToken): void {
    const word = this.word;
    const wordKind = this.wordKind;
    const [before2, before3] = [this.before2, this.before3];
    // The scanner's value of a name is the string it already made; its text would be a new one per token.
    const current = isWordKind(kind) ? token.value : undefined;
    this.word = current;
    this.wordKind = kind;
    this.before3 = before2;
    this.before2 = wordKind;
    const importEquals = this.importEquals;
    this.importEquals = this.deepWalk ? importEqualsStep(importEquals, kind, word) : 0;
    if (this.deepWalk) {
      // Whether a `(` after it calls it, only the line breaks tell, which the tokens here do not carry.
      if (this.typeAliasStep(kind, wordKind)) {
        this.found = true;
        return;
      }
      if (this.dynamicImport !== DynamicImportStage.None) this.dynamicImportStep(kind, token);
      if (kind === SK.OpenParenToken && wordKind === SK.ImportKeyword) {
        // `await`/`return` as keywords (not `x.await`) begin an expression: this `import(` is a call.
        const call = (before2 === SK.AwaitKeyword || before2 === SK.ReturnKeyword) && before3 !== SK.DotToken && before3 !== SK.QuestionDotToken;
        if (call) this.dynamicImport = DynamicImportStage.Open;
        else this.found = true;
      }
      if (this.found) return;
      this.requireStep(kind, current, token, importEquals);
      if (this.found) return;
    }
    if (this.databaseHints) {
      this.databaseHints.token(kind, current, token);
      // The database walk runs only on text its test admits: elsewhere no shape needs the parse.
      if (this.databaseHints.found) {
        if (this.databaseAdmits!()) this.found = true;
        else this.databaseHints = undefined;
      }
    }
  }

  /**
   * After `await import(`: one string or plain template literal, then `)` or `,` (the walk reads
   * the first argument whatever follows it) makes a fact; anything else needs the parse.
   */
  private dynamicImportStep(kind: ts.SyntaxKind, token: HintToken): void {
    const stage = this.dynamicImport;
    this.dynamicImport = DynamicImportStage.None;
    if (stage === DynamicImportStage.Open && (kind === SK.StringLiteral || kind === SK.NoSubstitutionTemplateLiteral)) {
      this.dynamicLiteral = { start: token.start, end: token.end, value: token.value };
      this.dynamicImport = DynamicImportStage.Literal;
    } else if (stage === DynamicImportStage.Literal && (kind === SK.CloseParenToken || kind === SK.CommaToken)) {
      this.deepImports.push({ ...this.dynamicLiteral!, kind: 'dynamic-import' });
    } else this.found = true;
  }

  /**
   * What the database hints read from the tokens (see DatabaseTokenHints: SQL tables in literals,
   * entity classes), when the database walk would run on this text at all; at the end of a file
   * the scanner accepted.
   */
  databaseFacts(): { references: readonly { name: string; start: number; end: number }[]; entities: readonly EntityClass[] } | undefined {
    const hints = this.databaseHints;
    if (!hints || (hints.references.length === 0 && hints.entities.classes.length === 0)) return undefined;
    return this.databaseAdmits!() ? { references: hints.references, entities: hints.entities.classes } : undefined;
  }

  /** Advances `typeAlias`; true at a `require` that is a type alias's type. */
  private typeAliasStep(kind: ts.SyntaxKind, before: ts.SyntaxKind): boolean {
    const stage = this.typeAlias;
    this.typeAlias = 0;
    // not `import type A = require(…)`, a declaration importEqualsStep follows
    if (kind === SK.TypeKeyword && before !== SK.DotToken && before !== SK.QuestionDotToken && before !== SK.ImportKeyword) this.typeAlias = 1;
    else if (stage === 1 && kind === SK.Identifier) this.typeAlias = 2;
    else if (stage === 2 && kind === SK.LessThanToken) [this.typeAlias, this.angles] = [3, 1];
    else if (stage === 3) {
      if (kind === SK.LessThanToken) this.angles++;
      else if (kind === SK.GreaterThanToken) this.angles--;
      this.typeAlias = this.angles === 0 ? 2 : 3;
    } else if (stage === 2 && kind === SK.EqualsToken) this.typeAlias = 4;
    else if (stage === 4) return kind === SK.RequireKeyword;
    return false;
  }

  /**
   * A call the syntax tree walk counts is `require` (an identifier, not a property and not after
   * `new`), optionally `?.`, then `(`, one string or plain template literal, an optional trailing
   * comma and `)`. `import A = require(…)` is a declaration, not a call. `require<T>(…)` needs the
   * parse. Anything else after `require` is no such call, and no fact.
   */
  private requireStep(kind: ts.SyntaxKind, word: string | undefined, token: HintToken, importEquals: number): void {
    const last = this.lastKind;
    this.lastKind = kind;
    switch (this.require) {
      case RequireStage.Name:
        if (kind === SK.OpenParenToken && importEquals !== 4) return void (this.require = RequireStage.Open);
        if (kind === SK.QuestionDotToken) return void (this.require = RequireStage.OptionalDot);
        if (kind === SK.LessThanToken) return void (this.found = true);
        break;
      case RequireStage.OptionalDot:
        if (kind === SK.OpenParenToken) return void (this.require = RequireStage.Open);
        break;
      case RequireStage.Open:
        if (kind === SK.StringLiteral || kind === SK.NoSubstitutionTemplateLiteral) {
          this.requireLiteral = { start: token.start, end: token.end, value: token.value };
          return void (this.require = RequireStage.Literal);
        }
        break;
      case RequireStage.Literal:
      case RequireStage.TrailingComma:
        if (kind === SK.CloseParenToken) {
          this.deepImports.push({ ...this.requireLiteral!, kind: 'require' });
          return void (this.require = RequireStage.None);
        }
        if (kind === SK.CommaToken && this.require === RequireStage.Literal) return void (this.require = RequireStage.TrailingComma);
        break;
    }
    this.require = RequireStage.None;
    if ((kind === SK.Identifier || kind === SK.RequireKeyword) && last !== SK.DotToken && last !== SK.QuestionDotToken && last !== SK.NewKeyword && word === 'require') {
      this.require = RequireStage.Name;
    }
  }
}

/** An import call read from the tokens, at its literal. */
export interface DeepImport {
  start: number;
  end: number;
  value: string;
  kind: 'require' | 'dynamic-import';
}

const enum DynamicImportStage {
  None,
  /** After `await import(`. */
  Open,
  /** After `await import("x"`. */
  Literal,
}

const enum RequireStage {
  None,
  /** After `require` (not after `.`, `?.` or `new`). */
  Name,
  /** After `require?.`. */
  OptionalDot,
  /** After `require(`. */
  Open,
  /** After `require("x"`. */
  Literal,
  /** After `require("x",`. */
  TrailingComma,
}

/** The next stage of `import [type] A = require (` (see CodeHints.importEquals); 0 when it broke off. */
function importEqualsStep(stage: number, kind: ts.SyntaxKind, word: string | undefined): number {
  if (kind === SK.ImportKeyword) return 1;
  const isName = kind === SK.Identifier || (kind > SK.LastReservedWord && kind <= SK.LastKeyword);
  if (stage === 1 && isName) return 2;
  if (stage === 2 && isName && word === 'type') return 2;
  if (stage === 2 && kind === SK.EqualsToken) return 3;
  if (stage === 3 && kind === SK.RequireKeyword) return 4;
  return 0;
}
