import { ts } from '../typescript-scanner';
import { DRIZZLE_TABLES } from './orm-declarations';
import { JOIN_METHODS, KNEX_CALLEE, MODEL_BY_NAME, NOT_A_BUILDER, PRISMA_CLIENT, PRISMA_METHODS, SEQUELIZE_METHODS, TABLE_ARGUMENT, TABLE_METHODS } from './query-builder-calls';
import { argumentReading, blankedSql, plainLiteralSql, SQL_CALLS, SQL_TAGS } from './sql-literals';
import { endsExpression, isWordKind } from '../token-cursor';
import { sqlTables, startsLikeSql } from './sql-tables';
import type { HintToken } from '../code-hints';
import { EntityClassTokens } from './entity-class-tokens';
import { RecentTokens, type CallSite } from './recent-tokens';

const SK = ts.SyntaxKind;

/** Found anywhere in a token (as `mayMentionDatabase` finds `prisma` anywhere in the text). */
const ANY_TOKEN_HINT = /prisma|\$(?:queryRaw|executeRaw)/i;

const LITERALS = new Set([SK.StringLiteral, SK.NoSubstitutionTemplateLiteral, SK.TemplateHead, SK.TemplateMiddle, SK.TemplateTail]);
/** Literal tokens a literal's text starts with (the SQL detector tests how its head starts). */
const LITERAL_STARTS = new Set([SK.StringLiteral, SK.NoSubstitutionTemplateLiteral, SK.TemplateHead]);
/**
 * A word sqlTables needs before a table name (FROM, JOIN, USING, INTO, UPDATE, TABLE, TRUNCATE,
 * REFERENCES) with something after it, looked for anywhere in a literal's source (its closing
 * quote left out): the SQL detector reads that source with escapes and substitutions blanked,
 * which can only remove such words and names, never make one.
 */
const TABLE_WORD = /(?:from|join|using|into|update|table|truncate|references)\s*\S/i;

function namesTable(source: string): boolean {
  return TABLE_WORD.test(source.slice(0, -1));
}

/**
 * Whether the SQL detector can find a table in a literal: a string or a template without
 * substitutions is read whole, as the detector reads it (sqlTables over `plainLiteralSql`), so
 * `it('update maps to values')` stays on the fast path; a template's parts are read only together,
 * which the tokens do not do.
 */
function literalMayNameTable(kind: ts.SyntaxKind, source: string): boolean {
  if (kind !== SK.StringLiteral && kind !== SK.NoSubstitutionTemplateLiteral) return true;
  return sqlTables(plainLiteralSql(source)).length > 0;
}

const TEMPLATES = new Set([SK.NoSubstitutionTemplateLiteral, SK.TemplateHead]);
const DOTS = new Set([SK.DotToken, SK.QuestionDotToken]);

/** Calls the detectors read whatever their arguments are (entity decorators and schemas). */
const ANY_ARGUMENT_CALLS: ReadonlySet<string> = new Set(['Entity', 'Table', 'Schema', 'createForClass']);
/** Calls the detectors read only when their first argument is a plain string literal. */
const STRING_ARGUMENT_CALLS: ReadonlySet<string> = new Set([...TABLE_METHODS, ...JOIN_METHODS, ...MODEL_BY_NAME, ...DRIZZLE_TABLES, 'model', 'table', 'define']);

/** A flag per syntax kind, for the tests asked of every token. */
function kindTable(...sets: ReadonlySet<ts.SyntaxKind>[]): Uint8Array {
  const table = new Uint8Array(SK.Count);
  for (const set of sets) for (const kind of set) table[kind] = 1;
  return table;
}

const IS_LITERAL = kindTable(LITERALS);
const IS_TEMPLATE = kindTable(TEMPLATES);
const IS_DOT = kindTable(DOTS);
/** Tokens that open a bracket level (a template's head opens its first substitution). */
const IS_OPENER = kindTable(new Set([SK.OpenParenToken, SK.OpenBracketToken, SK.OpenBraceToken, SK.TemplateHead]));
/** Tokens after a name that a call shape may continue with. */
const AFTER_NAME = kindTable(TEMPLATES, DOTS, new Set([SK.OpenParenToken, SK.OpenBracketToken, SK.LessThanToken]));

/** `tx`, `trx`, `transaction`, `db`, `client` in any case: PRISMA_CLIENT's whole words. */
const CLIENT_WORDS = new Set(['tx', 'trx', 'transaction', 'db', 'client']);
const CLIENT_WORD_LENGTHS = new Set([...CLIENT_WORDS].map((w) => w.length));
/** Their first letters, lower case. */
const CLIENT_INITIALS = new Set([...CLIENT_WORDS].map((w) => w.charCodeAt(0)));

/** PRISMA_CLIENT's test of a word where the text has no `prisma`, without a lower-case copy of most words. */
function isClientWord(word: string): boolean {
  // ASCII letters only: `| 0x20` lower-cases them, and the initials are letters.
  return CLIENT_WORD_LENGTHS.has(word.length) && CLIENT_INITIALS.has(word.charCodeAt(0) | 0x20) && CLIENT_WORDS.has(word.toLowerCase());
}

type LiteralContext = { kind: 'tag'; sql: boolean } | { kind: 'argument'; call: CallSite } | { kind: 'other' };
const OTHER: LiteralContext = { kind: 'other' };

interface LiteralInProgress {
  context: LiteralContext;
  /** Its first token's kind and source, and that token's cooked text (a template's head). */
  kind: ts.SyntaxKind;
  source: string;
  head: string;
  start: number;
  end?: number;
  depth: number;
  /** Where the substitution being read began (its `${`), and those read, as offsets from `start`. */
  open: number;
  substitutions: [number, number][];
  complete: boolean;
  /** Whether a later part names a table inside a SQL call's arguments (the loose rule for parts). */
  partsNameTable: boolean;
}

/** A call whose first argument decides: `name(` seen, the receiver before `.name` if any. */
interface PendingCall {
  name: string;
  /** undefined for a plain `name(`; `''` when the receiver is no name (`f().name(`). */
  receiver: string | undefined;
  /** After the opening parenthesis, or after a table-like string first argument. */
  stage: 'open' | 'table-string';
}

/**
 * Whether the database walk (extractDatabaseFacts) can find anything in a file, asked of its
 * tokens: the call shapes and literals each detector reads, so that words that only look like
 * database code (`path.join(a, b)`, `list.join(', ')`, `remoteQuery(…)`, `transaction.id`) keep a
 * file on the scanner's fast path. Each test is a superset of its detector's (query-builder-calls.ts,
 * orm-declarations.ts, sql-literals.ts), which share their vocabularies with it; checked against
 * the full parse on fixtures and real repositories (database-hint-guard.test.ts).
 *
 * Asked of every token of the files it reads, so it keeps the last tokens in fixed arrays and
 * tests words with set lookups, not regular expressions, where the file's text allows.
 */
export class DatabaseTokenHints {
  found = false;
  /** The last tokens, for the call shapes and a literal's place. */
  private readonly recent = new RecentTokens();
  private pending?: PendingCall;
  private prismaCall = false;
  private prismaClient = false;
  private sequelizeInit = false;
  private sequelizeWord = false;
  /** After a string that starts like SQL but names no table, and any `)` after it. */
  private sqlStart = false;
  /** Parentheses open around the current token. */
  private parens = 0;
  /**
   * For each SQL call (`query(`, `exec(`, …) the current token is inside, the parenthesis level
   * of its arguments: any string in them is SQL to the detector, whatever it starts with, but
   * names a table only with a word from TABLE_WORD.
   */
  private readonly sqlCalls: number[] = [];
  /**
   * How far the tokens follow a bare `models.Invoice.findAll(`, the only bare `models` the
   * Sequelize detector reads (sequelizeModelOf): 1 after `models.`, 2 after the model's name, 3
   * after its `.`, 4 after a model method; 0 otherwise.
   */
  private bareModels = 0;
  /**
   * Per bracket depth, the call whose argument list is open there: its callee and receiver as
   * the SQL detector names them, or 'uncertain' where the tokens cannot tell (type arguments, a
   * callee that is a call), undefined for other brackets.
   */
  private readonly calls: (CallSite | 'uncertain' | undefined)[] = [];
  /** Whether the current token starts a template read with its tag (see literalToken). */
  private tagRead = false;
  /** The literal being read (a template until its tail), or a whole one waiting for the token after it. */
  private literal?: LiteralInProgress;
  /**
   * Tables named in literals whose reading the tokens tell for certain (a tagged template, a call's
   * whole argument), in document order: the SQL detector's references, with offsets.
   */
  readonly references: { name: string; start: number; end: number }[] = [];
  /** TypeORM entity classes read from the tokens (see EntityClassTokens). */
  readonly entities = new EntityClassTokens();
  /** Whether ANY_TOKEN_HINT can match anything in the file: no token has text the file lacks. */
  private readonly anyTokenHint: boolean;

  /** `functions`: the names of the map's table functions (`database.tableFunctions`); `text`: the file's. */
  constructor(private readonly functions: ReadonlySet<string>, private readonly text: string) {
    this.anyTokenHint = ANY_TOKEN_HINT.test(text);
  }

  /** `word`: an identifier's or keyword's name, else undefined. */
  token(kind: ts.SyntaxKind, word: string | undefined, token: HintToken): void {
    this.tagRead = false;
    this.entities.token(kind, word, token, this.recent.k0);
    if (this.entities.decline) this.found = true;
    if (this.pending) this.pendingStep(this.pending, kind, token);
    if (this.bareModels !== 0) this.bareModelsStep(kind, word);
    // The token after a whole literal tells whether it was a call's argument.
    if (this.literal?.complete) this.settleLiteral(kind);
    // `'SELECT * ' + 'FROM t'`: a concatenation that starts like SQL is SQL throughout.
    if (this.sqlStart && kind === SK.PlusToken) this.found = true;
    if (kind !== SK.CloseParenToken) this.sqlStart = false;
    if (IS_LITERAL[kind] === 1) this.literalToken(kind, token);
    if (word !== undefined) this.wordSeen(word);
    const previous = this.recent.w0;
    if (previous !== undefined && AFTER_NAME[kind] === 1) {
      // `sql\`…\``, `sql.type(x)\`…\``, `Prisma.sql(…)`: a tag the SQL detector reads.
      // A template read as the detector reads it (literalToken) needs no parse.
      if ((IS_TEMPLATE[kind] === 1 || kind === SK.OpenParenToken || IS_DOT[kind] === 1) && !this.tagRead && SQL_TAGS.has(previous)) this.found = true;
      // `sequelize.models.Invoice`, `db.models['Invoice']`; a bare `models.` only as `models.Invoice.findAll(`.
      if (previous === 'models' && (IS_DOT[kind] === 1 || kind === SK.OpenBracketToken)) {
        if (IS_DOT[this.recent.k1] === 1) this.found = true;
        else if (IS_DOT[kind] === 1) this.bareModels = 1;
      }
      // A table function called as `name(` or `name?.(`.
      if ((kind === SK.OpenParenToken || kind === SK.QuestionDotToken) && this.functions.size > 0 && this.functions.has(previous)) this.found = true;
      // `name<T>(`: the tokens cannot see past type arguments.
      if (kind === SK.LessThanToken) this.typeArguments(previous);
    }
    if (IS_OPENER[kind] === 1) this.calls[token.depth + 1] = kind === SK.OpenParenToken ? this.recent.callSite() : undefined;
    if (kind === SK.OpenParenToken) {
      // `name(`, or `name?.(`: the tokens before the name, newest first.
      if (this.recent.k0 === SK.QuestionDotToken) {
        if (this.recent.w1 !== undefined) this.call(this.recent.w1, this.recent.k2, this.recent.w3, this.recent.k4, this.recent.isThis(5));
      } else if (previous !== undefined) this.call(previous, this.recent.k1, this.recent.w2, this.recent.k3, this.recent.isThis(4));
      this.parens++;
    } else if (kind === SK.CloseParenToken) {
      this.parens--;
      while (this.sqlCalls.length > 0 && this.sqlCalls[this.sqlCalls.length - 1] > this.parens) this.sqlCalls.pop();
    }
    this.recent.push(kind, word);
  }

  /**
   * `dot`, `receiver` and `dotBefore`: the tokens before the callee's name (`a.b.name(`), newest
   * first; `onThis`: whether `a` is `this` (not a property named `this`).
   */
  private call(name: string, dot: ts.SyntaxKind, receiver: string | undefined, dotBefore: ts.SyntaxKind, onThis: boolean): void {
    const isMethod = IS_DOT[dot] === 1;
    // `@Entity('invoices') export class Invoice`: read by EntityClassTokens.
    if (ANY_ARGUMENT_CALLS.has(name) && !(name === 'Entity' && this.entities.readsEntityCall)) this.found = true;
    // Called at the call's `(`, which opens the arguments' level.
    if (SQL_CALLS.has(name)) this.sqlCalls.push(this.parens + 1);
    if (name === 'init') {
      // `Invoice.init({…}, { sequelize })`: only with a `sequelize` property.
      this.sequelizeInit = true;
      this.found ||= this.sequelizeWord;
    }
    // `prisma.invoice.findMany(`, `tx.invoice.create(`: a delegate's method, with a client named as clients are.
    // Not `this.clients.delete(`: a client is a name (`prisma.`, `this.prisma.`), never `this` itself.
    if (PRISMA_METHODS.has(name) && isMethod && receiver !== undefined && IS_DOT[dotBefore] === 1 && !onThis) this.sawPrismaCall();
    if (STRING_ARGUMENT_CALLS.has(name) || KNEX_CALLEE.test(name)) {
      this.pending = { name, receiver: isMethod ? receiver ?? '' : undefined, stage: 'open' };
    }
  }

  /**
   * A string or template token. The SQL detector (sqlOfLiteral) reads a literal by its place in
   * the tree; where the tokens tell that place for certain (a template tagged by a chain of names,
   * a call's whole argument) this reads the literal as the detector does (`argumentReading`,
   * `blankedSql`, sqlTables) and keeps its tables; anywhere else the rules below decide whether
   * the file needs the parse (`looseRules`).
   */
  private literalToken(kind: ts.SyntaxKind, token: HintToken): void {
    const source = token.text;
    if (this.anyTokenHint && ANY_TOKEN_HINT.test(source)) this.found = true;
    const reading = this.literal;
    const part = kind === SK.TemplateMiddle || kind === SK.TemplateTail;
    if (part && reading && !reading.complete && token.depth === reading.depth) {
      reading.substitutions.push([reading.open - reading.start, token.start + 1 - reading.start]);
      if (this.sqlCalls.length > 0 && namesTable(source)) reading.partsNameTable = true;
      if (kind === SK.TemplateMiddle) reading.open = token.end - 2;
      else this.completed(reading, token.end);
      return;
    }
    if (part) {
      // A part of a template not being read: as loosely as ever.
      if (this.sqlCalls.length > 0 && namesTable(source)) this.found = true;
      return;
    }
    if (reading && !reading.complete) {
      // A literal inside a substitution of the template being read: neither is read.
      reading.context = OTHER;
      this.looseRules(kind, source, token.value);
      return;
    }
    const context = token.inJsx ? OTHER : this.contextOf(kind, token.depth);
    if (context === OTHER) {
      this.looseRules(kind, source, token.value);
      return;
    }
    this.tagRead = context.kind === 'tag';
    this.literal = { context, kind, source, head: token.value, start: token.start, depth: token.depth, open: token.end - 2, substitutions: [], complete: false, partsNameTable: false };
    if (kind !== SK.TemplateHead) this.completed(this.literal, token.end);
  }

  /** Where a literal starting here stands, as far as the tokens before it tell. */
  private contextOf(kind: ts.SyntaxKind, depth: number): LiteralContext {
    if (kind !== SK.StringLiteral) {
      const tag = this.recent.tagNames();
      if (tag) return { kind: 'tag', sql: tag.some((name) => SQL_TAGS.has(name)) };
      // After a name, `)`, `]`, `!` or `>` a template may be tagged by what the tokens do not tell.
      if (endsExpression(this.recent.k0) || isWordKind(this.recent.k0) || this.recent.k0 === SK.ExclamationToken || this.recent.k0 === SK.GreaterThanToken) return OTHER;
    }
    if (this.recent.k0 !== SK.OpenParenToken && this.recent.k0 !== SK.CommaToken) return OTHER;
    const call = this.calls[depth];
    return call && call !== 'uncertain' ? { kind: 'argument', call } : OTHER;
  }

  /** A literal's last token was read: a tagged one is settled now, an argument by the token after it. */
  private completed(reading: LiteralInProgress, end: number): void {
    reading.complete = true;
    reading.end = end;
    if (reading.context.kind !== 'tag') return;
    this.literal = undefined;
    if (reading.context.sql) this.readTables(reading);
  }

  /** At the token after a whole literal: a call's argument is read when nothing else follows it in the argument. */
  private settleLiteral(next: ts.SyntaxKind): void {
    const reading = this.literal!;
    this.literal = undefined;
    const { context } = reading;
    if (context.kind === 'argument' && (next === SK.CloseParenToken || next === SK.CommaToken)) {
      const how = argumentReading(context.call.callee, context.call.receiver, context.call.isNew);
      if (how === 'always' || (how === 'if-statement' && startsLikeSql(reading.head))) this.readTables(reading);
      return;
    }
    this.looseRules(reading.kind, reading.source, reading.head);
    if (reading.partsNameTable) this.found = true;
  }

  /** The SQL detector's tables of a literal: its source with quotes, substitutions and escapes blanked. */
  private readTables(reading: LiteralInProgress): void {
    const sql = blankedSql(this.text.slice(reading.start, reading.end), reading.substitutions);
    for (const t of sqlTables(sql)) this.references.push({ name: t.name, start: reading.start + t.start, end: reading.start + t.end });
  }

  /**
   * The literal's first token where its place is not known for certain: in a SQL call's
   * arguments any literal naming a table needs the parse; elsewhere one that starts like a
   * statement and names a table, or starts a concatenation.
   */
  private looseRules(kind: ts.SyntaxKind, source: string, value: string): void {
    if (this.sqlCalls.length > 0 && namesTable(source) && literalMayNameTable(kind, source)) this.found = true;
    // Elsewhere than in a SQL call or tag, the detector reads only literals that start like a statement.
    if (LITERAL_STARTS.has(kind) && startsLikeSql(value)) {
      // One that names no table can still start a concatenation (perhaps in parentheses).
      if (kind === SK.TemplateHead || (namesTable(source) && literalMayNameTable(kind, source))) this.found = true;
      else this.sqlStart = true;
    }
  }

  private bareModelsStep(kind: ts.SyntaxKind, word: string | undefined): void {
    const stage = this.bareModels;
    this.bareModels = 0;
    if ((stage === 1 && word !== undefined) || (stage === 2 && IS_DOT[kind] === 1)) this.bareModels = stage + 1;
    else if (stage === 3 && word !== undefined && SEQUELIZE_METHODS.has(word)) this.bareModels = 4;
    // `(`, `?.(` or type arguments: a call of the model's method.
    else if (stage === 4 && (kind === SK.OpenParenToken || kind === SK.QuestionDotToken || kind === SK.LessThanToken)) this.found = true;
  }

  private typeArguments(name: string): void {
    // `sql<Row>\`…\``: a SQL tag with type arguments, whose template the tokens do not read.
    if (ANY_ARGUMENT_CALLS.has(name) || SQL_TAGS.has(name) || STRING_ARGUMENT_CALLS.has(name) || KNEX_CALLEE.test(name) || (name === 'init' && this.sequelizeWord)) this.found = true;
    // `db.query<Row>(…)`, or a method declared as `query<T>(sql: string)`: the tokens cannot tell
    // where the type arguments end, so every later literal is read as a SQL call's argument
    // (a level no parenthesis closes): any that can name a table needs the parse.
    else if (SQL_CALLS.has(name) && this.sqlCalls[0] !== 0) this.sqlCalls.unshift(0);
    if (PRISMA_METHODS.has(name)) this.sawPrismaCall();
  }

  /** The tokens after `name(` that decide a pending call: its first argument, then what follows it. */
  private pendingStep(p: PendingCall, kind: ts.SyntaxKind, token: HintToken): void {
    this.pending = undefined;
    if (p.stage === 'table-string') {
      // `.join('invoices', …)` needs a second argument (`.join(', ')` joins an array); `knex('t')` has one.
      if (JOIN_METHODS.has(p.name) && kind === SK.CommaToken) this.found = true;
      if (KNEX_CALLEE.test(p.name) && (kind === SK.CloseParenToken || kind === SK.CommaToken)) this.found = true;
      return;
    }
    if (kind !== SK.StringLiteral) return;
    const { name, receiver } = p;
    // Model names, Drizzle tables and `sequelize.define` take any string (orm-declarations.ts).
    if (MODEL_BY_NAME.has(name) || DRIZZLE_TABLES.has(name) || name === 'model' || name === 'table') this.found = true;
    if (name === 'define' && receiver !== undefined && /sequelize|^db$|^orm$/i.test(receiver)) this.found = true;
    // Query builders take a table name only (queryBuilderTableOf).
    if (!TABLE_ARGUMENT.test(token.value)) return;
    const builder = receiver !== undefined && !NOT_A_BUILDER.test(receiver);
    if (TABLE_METHODS.has(name) && builder) this.found = true;
    const knex = KNEX_CALLEE.test(name) && (receiver === undefined || receiver === 'this');
    if ((JOIN_METHODS.has(name) && builder) || knex) this.pending = { ...p, stage: 'table-string' };
  }

  private sawPrismaCall(): void {
    this.prismaCall = true;
    this.found ||= this.prismaClient;
  }

  private wordSeen(word: string): void {
    if (this.anyTokenHint && ANY_TOKEN_HINT.test(word)) this.found = true;
    if (this.anyTokenHint ? PRISMA_CLIENT.test(word) : isClientWord(word)) {
      this.prismaClient = true;
      this.found ||= this.prismaCall;
    }
    if (word === 'sequelize') {
      this.sequelizeWord = true;
      this.found ||= this.sequelizeInit;
    }
  }
}
