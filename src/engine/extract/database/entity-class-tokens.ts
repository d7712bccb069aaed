import { ts } from 'ts-morph';
import { snakeCase } from './naming';

const SK = ts.SyntaxKind;

/** Tokens after which a `@` begins a statement's decorators (a class declaration's, if any). */
const STATEMENT_START = new Set([SK.Unknown, SK.SemicolonToken, SK.OpenBraceToken, SK.CloseBraceToken]);

/** A TypeORM entity class read from the tokens, with offsets (see classDeclaration). */
export interface EntityClass {
  table: string;
  className: string;
  isDefault: boolean;
  start: number;
  end: number;
}

const enum Stage {
  /** After `@`: the decorator's name. */
  At,
  /** After a name of the decorator (`Entity`, `orm.Entity`). */
  Name,
  /** After a `.` in its name. */
  Dot,
  /** Inside its arguments. */
  Arguments,
  /** After a whole decorator: another one, `export`, `default` or `class`. */
  Decorated,
  /** After `class`: the class's name. */
  Class,
}

interface Sequence {
  depth: number;
  stage: Stage;
  /** The last name of the decorator being read. */
  name?: string;
  /** `@Entity(…)`: undefined until seen; its explicit table, or null for none (`@Entity()`). */
  entity?: string | null;
  /** Reading `@Entity(`'s arguments: how many tokens so far. */
  entityArguments?: number;
  isDefault: boolean;
}

/**
 * TypeORM's `@Entity()` / `@Entity('invoices')` on a class declaration, read from the tokens as
 * classDeclaration (orm-declarations.ts) reads the tree: the class's name, `default` when it is
 * the default export, the table given or the class name in snake case. Only that shape is read:
 * decorators at a statement's start, the entity decorator by its bare name with no argument or
 * one string, then `export`, `default` and `class Name`. A sequence holding `@Entity(` in any other
 * shape (options object, a template, a class expression, `abstract`) sets `decline`: the file
 * needs the parse. Other decorators (`@Index(…)`, `@Column()` on members) are passed over.
 */
export class EntityClassTokens {
  readonly classes: EntityClass[] = [];
  decline = false;
  private sequence?: Sequence;

  /** Whether the `Entity(` call being read is the one this reads (so no other hint needs to decline for it). */
  get readsEntityCall(): boolean {
    return this.sequence?.stage === Stage.Arguments && this.sequence.name === 'Entity';
  }

  /** `previous`: the kind of the token before this one. */
  token(kind: ts.SyntaxKind, word: string | undefined, start: number, end: number, depth: number, value: string, previous: ts.SyntaxKind): void {
    const s = this.sequence;
    if (!s) {
      if (kind === SK.AtToken && STATEMENT_START.has(previous)) this.sequence = { depth, stage: Stage.At, isDefault: false };
      return;
    }
    if (s.stage === Stage.Arguments) {
      if (depth > s.depth) {
        if (s.name === 'Entity') this.entityArgument(s, kind, value);
        return;
      }
      // The closing parenthesis.
      if (s.name === 'Entity' && s.entityArguments === 0) s.entity = null;
      s.stage = Stage.Decorated;
      return;
    }
    if (depth !== s.depth) return this.end();
    switch (s.stage) {
      case Stage.At:
      case Stage.Dot:
        if (word === undefined) return this.end();
        s.name = word;
        s.stage = Stage.Name;
        return;
      case Stage.Name:
        if (kind === SK.DotToken) s.stage = Stage.Dot;
        else if (kind === SK.OpenParenToken) this.arguments(s);
        else if (s.name === 'Entity') this.fail();
        else return this.decorated(s, kind);
        return;
      case Stage.Decorated:
        return this.decorated(s, kind);
      case Stage.Class:
        if (kind === SK.Identifier && s.entity !== undefined) {
          this.classes.push({ table: s.entity ?? snakeCase(word!), className: word!, isDefault: s.isDefault, start, end });
          this.sequence = undefined;
        } else this.end();
        return;
    }
  }

  private arguments(s: Sequence): void {
    if (s.name === 'Entity') {
      // A second entity decorator: the first one wins in the tree, which this does not follow.
      if (s.entity !== undefined) return this.fail();
      s.entityArguments = 0;
    }
    s.stage = Stage.Arguments;
  }

  /** Inside `@Entity(…)`: nothing, or one string. */
  private entityArgument(s: Sequence, kind: ts.SyntaxKind, value: string): void {
    const n = s.entityArguments!;
    s.entityArguments = n + 1;
    if (n === 0 && kind === SK.StringLiteral) s.entity = value;
    else this.fail();
  }

  /** After a whole decorator (or a bare `@Name`): the next one, the class, or the end of the shape. */
  private decorated(s: Sequence, kind: ts.SyntaxKind): void {
    if (kind === SK.AtToken) s.stage = Stage.At;
    else if (kind === SK.ExportKeyword && !s.isDefault) s.stage = Stage.Decorated;
    else if (kind === SK.DefaultKeyword) {
      s.isDefault = true;
      s.stage = Stage.Decorated;
    } else if (kind === SK.ClassKeyword) s.stage = Stage.Class;
    else this.end();
  }

  /** The tokens left the shape: a sequence with an entity decorator was not read. */
  private end(): void {
    if (this.sequence?.entity !== undefined || this.sequence?.name === 'Entity') this.decline = true;
    this.sequence = undefined;
  }

  private fail(): void {
    this.decline = true;
    this.sequence = undefined;
  }
}
