import { ts } from '../typescript-scanner';
import { snakeCase } from './naming';
import { isWordKind, mayStartStatement } from '../token-cursor';
import type { HintToken } from '../code-hints';

const SK = ts.SyntaxKind;


/** The options the entity decorator's object can name its table with, as classDeclaration reads them (first match wins per key). */
const TABLE_KEYS = ['name', 'tableName', 'collection'] as const;
type OptionKey = (typeof TABLE_KEYS)[number] | 'schema';
const OPTION_KEYS: ReadonlySet<string> = new Set<OptionKey>([...TABLE_KEYS, 'schema']);

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

/** Reading the entity decorator's options object: where in a property the tokens are. */
const enum Property {
  /** At its start: a name, or anything else (a property classDeclaration does not read). */
  Start,
  /** After a name: `:` makes it a property assignment. */
  Key,
  /** After `name:`: a string value alone, or anything else. */
  Colon,
  /** After the string value: only `,` or the object's end keeps it. */
  Value,
  /** In a property that cannot be read or does not count, until the next `,`. */
  Skip,
}

interface Options {
  property: Property;
  key?: string;
  value?: string;
  /** The first string each key was given. */
  found: Partial<Record<OptionKey, string>>;
  /** Whether the object's `}` was seen (only `)` or `,` `)` may follow). */
  closed: boolean;
}

interface Sequence {
  depth: number;
  stage: Stage;
  /** The last name of the decorator being read. */
  name?: string;
  /** `@Entity(…)`: undefined until seen; its explicit table, or null for none (`@Entity()`). */
  entity?: string | null;
  /** Reading `@Entity(`'s arguments: how many tokens at the arguments' level so far. */
  entityArguments?: number;
  /** `@Entity({ … })`: the object being read, and the schema it names. */
  options?: Options;
  schema?: string;
  isDefault: boolean;
}

/**
 * TypeORM/MikroORM's `@Entity()` / `@Entity('invoices')` / `@Entity({ tableName: 'invoices' })`
 * on a class declaration, read from the tokens as classDeclaration (orm-declarations.ts) reads
 * the tree: the class's name, `default` when it is the default export, the table given (`name`,
 * `tableName`, `collection`, with `schema`) or the class name in snake case. Only that shape is
 * read: decorators at a statement's start, the entity decorator with no argument, one string or
 * one object literal, then `export`, `default` and `class Name`. A sequence holding `@Entity(` in
 * any other shape (a template, a class expression, `abstract`) sets `decline`: the file needs
 * the parse. Other decorators (`@Index(…)`, `@Column()` on members) are passed over.
 */
export class EntityClassTokens {
  readonly classes: EntityClass[] = [];
  decline = false;
  private sequence?: Sequence;

  /** Whether the `Entity(` call being read is the one this reads (so no other hint needs to decline for it). */
  get readsEntityCall(): boolean {
    return this.sequence?.stage === Stage.Arguments && this.sequence.name === 'Entity';
  }

  /**
   * Where the tokens stand in any decorator list (`@a.b(…) @c`), read or not: 1 after `@` or a
   * `.` in its name, 2 after a name, 3 in its arguments (opened at `chainDepth`), 4 after them;
   * 0 elsewhere. A `@` after a whole decorator goes on with its list, line break or not.
   */
  private chain = 0;
  private chainDepth = 0;

  /** `previous`: the kind of the token before this one. */
  token(kind: ts.SyntaxKind, word: string | undefined, token: HintToken, previous: ts.SyntaxKind): void {
    const s = this.sequence;
    const { depth } = token;
    const inList = this.chain === 2 || this.chain === 4;
    if (this.chain !== 0 || kind === SK.AtToken) this.chainStep(kind, word, depth);
    if (!s) {
      // After a line break, a `@` that no expression can take starts a statement (ASI), unless it goes on with a decorator list.
      // At any depth: a class in a block or function body is read too, as the database walk reads every class.
      if (kind === SK.AtToken && (previous === SK.OpenBraceToken || (!inList && mayStartStatement(previous, token.lineBreakBefore)))) {
        this.sequence = { depth, stage: Stage.At, isDefault: false };
      }
      return;
    }
    if (s.stage === Stage.Arguments) {
      if (depth > s.depth) {
        if (s.name === 'Entity') this.entityArgument(s, kind, word, token);
        return;
      }
      // The closing parenthesis.
      if (s.name === 'Entity') this.entityArgumentsEnd(s);
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
          const table = s.entity ?? snakeCase(word!);
          this.classes.push({ table: s.schema ? `${s.schema}.${table}` : table, className: word!, isDefault: s.isDefault, start: token.start, end: token.end });
          this.sequence = undefined;
        } else this.end();
        return;
    }
  }

  private chainStep(kind: ts.SyntaxKind, word: string | undefined, depth: number): void {
    switch (this.chain) {
      case 3:
        if (depth === this.chainDepth && kind === SK.CloseParenToken) this.chain = 4;
        return;
      case 1:
        if (word !== undefined) this.chain = 2;
        else if (kind === SK.OpenParenToken) this.openChainArguments(depth);
        else this.chain = 0;
        return;
      case 2:
        if (kind === SK.DotToken) this.chain = 1;
        else if (kind === SK.OpenParenToken) this.openChainArguments(depth);
        else this.chain = kind === SK.AtToken ? 1 : 0;
        return;
      default:
        this.chain = kind === SK.AtToken ? 1 : 0;
    }
  }

  private openChainArguments(depth: number): void {
    this.chain = 3;
    this.chainDepth = depth;
  }

  private arguments(s: Sequence): void {
    if (s.name === 'Entity') {
      // A second entity decorator: the first one wins in the tree, which this does not follow.
      if (s.entity !== undefined) return this.fail();
      s.entityArguments = 0;
    }
    s.stage = Stage.Arguments;
  }

  /** Inside `@Entity(…)`: nothing, one string, or one object literal (and a trailing comma). */
  private entityArgument(s: Sequence, kind: ts.SyntaxKind, word: string | undefined, token: HintToken): void {
    const level = s.depth + 1;
    if (token.depth > level) {
      if (s.options && !s.options.closed) this.optionToken(s.options, kind, word, token, token.depth === level + 1);
      else this.fail();
      return;
    }
    const n = s.entityArguments!;
    s.entityArguments = n + 1;
    if (n === 0 && kind === SK.StringLiteral) s.entity = token.value;
    else if (n === 0 && kind === SK.OpenBraceToken) s.options = { property: Property.Start, found: {}, closed: false };
    else if (n === 1 && s.options && kind === SK.CloseBraceToken) this.optionsEnd(s.options);
    // A trailing comma after the object is all that may follow it.
    else if (!(n === 2 && s.options?.closed && kind === SK.CommaToken)) this.fail();
  }

  /** A token inside the options object; `top`: at the object's own level (not inside a value). */
  private optionToken(o: Options, kind: ts.SyntaxKind, word: string | undefined, token: HintToken, top: boolean): void {
    if (!top) {
      o.property = Property.Skip;
      return;
    }
    if (kind === SK.CommaToken) return this.propertyEnd(o);
    switch (o.property) {
      case Property.Start:
        // An identifier or keyword name is an Identifier in the tree; a string name is the string's text.
        if (isWordKind(kind) || kind === SK.StringLiteral) {
          o.key = word ?? token.value;
          o.property = Property.Key;
        } else o.property = Property.Skip;
        return;
      case Property.Key:
        o.property = kind === SK.ColonToken && OPTION_KEYS.has(o.key!) ? Property.Colon : Property.Skip;
        return;
      case Property.Colon:
        if (kind === SK.StringLiteral || kind === SK.NoSubstitutionTemplateLiteral) {
          o.value = token.value;
          o.property = Property.Value;
        } else o.property = Property.Skip;
        return;
      default:
        o.property = Property.Skip;
    }
  }

  private propertyEnd(o: Options): void {
    if (o.property === Property.Value) o.found[o.key as OptionKey] ??= o.value;
    o.property = Property.Start;
    o.key = o.value = undefined;
  }

  private optionsEnd(o: Options): void {
    this.propertyEnd(o);
    o.closed = true;
  }

  /** At the entity decorator's `)`: the table it names, or null for the class name's. */
  private entityArgumentsEnd(s: Sequence): void {
    const o = s.options;
    if (s.entityArguments === 0) s.entity = null;
    else if (o) {
      if (!o.closed) return this.fail();
      s.entity = o.found.name ?? o.found.tableName ?? o.found.collection ?? null;
      s.schema = o.found.schema;
    }
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
