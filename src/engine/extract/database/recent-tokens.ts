import { ts } from '../typescript-scanner';
import { endsExpression, isWordKind } from '../token-cursor';

const SK = ts.SyntaxKind;

/** A call as the SQL detector names it (calleeName, receiverName) and whether it is a `new`. */
export interface CallSite {
  callee: string;
  receiver: string;
  isNew: boolean;
}

function isDot(kind: ts.SyntaxKind): boolean {
  return kind === SK.DotToken || kind === SK.QuestionDotToken;
}

/**
 * The kinds of the last seven tokens and the words (identifiers and keywords) of the last five,
 * newest first, and what they tell of the code just before the current token: the call a `(`
 * opens, the names in a template's tag. Fields, not arrays: they move along at every token of
 * every file read with database hints.
 */
export class RecentTokens {
  k0 = SK.Unknown;
  k1 = SK.Unknown;
  k2 = SK.Unknown;
  k3 = SK.Unknown;
  k4 = SK.Unknown;
  k5 = SK.Unknown;
  k6 = SK.Unknown;
  w0: string | undefined;
  w1: string | undefined;
  w2: string | undefined;
  w3: string | undefined;
  w4: string | undefined;

  /** After a token was read: it becomes the newest. */
  push(kind: ts.SyntaxKind, word: string | undefined): void {
    this.k6 = this.k5;
    this.k5 = this.k4;
    this.k4 = this.k3;
    this.k3 = this.k2;
    this.k2 = this.k1;
    this.k1 = this.k0;
    this.k0 = kind;
    this.w4 = this.w3;
    this.w3 = this.w2;
    this.w2 = this.w1;
    this.w1 = this.w0;
    this.w0 = word;
  }

  /** Whether the token `at` back (4 or 5) is `this` itself (`this.x`), not a property named `this` (`a.this.x`). */
  isThis(at: 4 | 5): boolean {
    return at === 4 ? this.k4 === SK.ThisKeyword && !isDot(this.k5) : this.k5 === SK.ThisKeyword && !isDot(this.k6);
  }

  /**
   * The names in the tag of a template starting here (namesIn: `sql`, `Prisma.sql`,
   * `this.prisma.$queryRaw`), when the tokens before it are a chain of names joined by dots;
   * undefined when they are anything else or more than the tokens remembered.
   */
  tagNames(): string[] | undefined {
    const kinds = [this.k0, this.k1, this.k2, this.k3, this.k4, this.k5, this.k6];
    const words = [this.w0, this.w1, this.w2, this.w3, this.w4];
    const names: string[] = [];
    for (let i = 0; i + 1 < kinds.length; i += 2) {
      const [kind, before] = [kinds[i], kinds[i + 1]];
      // A tagged template in an optional chain is an error the parse reports.
      if (before === SK.QuestionDotToken || !isWordKind(kind)) return undefined;
      if (before === SK.DotToken) {
        names.unshift(words[i]!);
        continue;
      }
      // The chain's first name: an identifier, or `this`/`super` (which name nothing).
      if (kind === SK.Identifier) names.unshift(words[i]!);
      else if (kind !== SK.ThisKeyword && kind !== SK.SuperKeyword) return undefined;
      // `new a.sql\`…\``: the parse tells.
      return before === SK.NewKeyword ? undefined : names;
    }
    return undefined;
  }

  /**
   * At `(`: the call it opens (callee and receiver as calleeName and receiverName give them, and
   * whether it is `new`), 'uncertain', or undefined for a parenthesis that opens no call.
   */
  callSite(): CallSite | 'uncertain' | undefined {
    const { k0, k1 } = this;
    if (!isWordKind(k0)) {
      return endsExpression(k0) || k0 === SK.GreaterThanToken || k0 === SK.ExclamationToken || k0 === SK.QuestionDotToken ? 'uncertain' : undefined;
    }
    if (!isDot(k1)) {
      // `f(`, `super(`, `import(`; `await (`, `of (` and the like may be no call; `if (` is none.
      if (k0 === SK.Identifier) return { callee: this.w0!, receiver: '', isNew: k1 === SK.NewKeyword };
      if (k0 === SK.SuperKeyword || k0 === SK.ImportKeyword) return { callee: '', receiver: '', isNew: false };
      return k0 > SK.LastReservedWord ? 'uncertain' : undefined;
    }
    const { k2, k3 } = this;
    // receiverName: the target's name when it is an identifier, a property or `this`, else ''.
    let receiver = '';
    if (isWordKind(k2) && (isDot(k3) || k2 === SK.Identifier || k2 > SK.LastReservedWord)) receiver = this.w2!;
    else if (k2 === SK.ThisKeyword) receiver = 'this';
    const isNew = this.newBeforeChain();
    return isNew === undefined ? 'uncertain' : { callee: this.w0!, receiver, isNew };
  }

  /** For `a.b.c(`: whether `new` stands before the chain (the call is then the construction); undefined when the tokens cannot tell. */
  private newBeforeChain(): boolean | undefined {
    const kinds = [this.k0, this.k1, this.k2, this.k3, this.k4, this.k5, this.k6];
    for (let i = 2; i + 1 < kinds.length; i += 2) {
      const [kind, before] = [kinds[i], kinds[i + 1]];
      // `new A().b(`: the construction ended before this call.
      if (kind === SK.CloseParenToken) return false;
      if (!isWordKind(kind)) return undefined;
      if (!isDot(before)) return before === SK.NewKeyword;
    }
    return undefined;
  }
}
