import { ts } from './typescript-scanner';
import { mayMentionDatabase } from './database/extract-database-facts';
import { tableFunctionNames, type TableFunctionCall } from './database/table-function-calls';
import type { TableDeclaration, TableReference } from './database/database-facts';
import { DECLARATION_FILE, LineIndex } from '../model';
import { CodeHints } from './code-hints';
import { commentDirectives } from './comment-directives';
import { mayImportInJsDoc, needsDeepWalk } from './deep-walk-hint';
import { isReference, type FileFacts, type ImportFact, type ImportKind, type ImportedName, type ReExport } from './file-facts';
import { MAY_END_EXPRESSION, TokenCursor, endsExpression, isIdentifierLike, isIdentifierOrKeyword, mayStartStatement } from './token-cursor';

const SK = ts.SyntaxKind;

const MAX_PATTERN_DEPTH = 64;

/** Thrown to give up on the fast path; the caller then parses the file. */
class Decline {}
const DECLINE = new Decline();

/**
 * The facts of one file read from its tokens alone, or undefined when the file needs the full
 * parse. Import and export declarations only ever occur at the top level, where nesting depth is
 * 0, so everything inside brackets (function bodies above all) is skipped without being parsed.
 *
 * Equal to what the full parse reads for every file it accepts. It declines files whose facts
 * need the syntax tree (`import(…)` calls other than `await import("…")`, database code other
 * than SQL in a tagged template or a call's whole argument, `declare module "m"` blocks, a
 * JavaScript file's JSDoc imports), any scanner error, JSX it cannot read as the parser would,
 * unbalanced brackets and every import/export form it does not fully understand.
 *
 * It never reports `syntaxError`: it cannot see errors inside function bodies, only damaged tokens
 * and brackets, a few token pairs that never stand together and malformed import/export
 * statements, and all of those make it decline so that the full parse reports them. Syntax error
 * notices therefore come only from files that take the full path.
 */
export function scanFacts(fileName: string, text: string, withDatabase = true, functions: readonly TableFunctionCall[] = []): FileFacts | undefined {
  // JSDoc imports of JavaScript files need the syntax tree.
  if (mayImportInJsDoc(fileName, text)) return undefined;
  // The text tests also match comments; where they match, the tokens decide (see CodeHints). The
  // database test is asked only once the tokens found a shape: it costs more than the tokens' own.
  const deepWalk = needsDeepWalk(text);
  const database = withDatabase ? { text, functions: tableFunctionNames(functions), admits: () => mayMentionDatabase(text, functions) } : undefined;
  const hints = database || deepWalk ? new CodeHints(database, deepWalk) : undefined;
  // TypeScript parses .js files as JSX too; every element has a `</` or a `/>`.
  const isJs = /\.[cm]?js$/.test(fileName);
  if (isJs && (text.includes('</') || text.includes('/>'))) return undefined;
  const scanner = new FactScanner(fileName, text, isJs || /\.[jt]sx$/.test(fileName) ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, hints);
  try {
    return scanner.run();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  } finally {
    scanner.release();
  }
}

class FactScanner {
  private readonly c: TokenCursor;
  private lines: LineIndex | undefined;
  private readonly imports: ImportFact[] = [];
  private readonly localExports = new Set<string>();
  private readonly reExports: ReExport[] = [];
  private readonly starExports: number[] = [];
  private readonly importedLocals = new Map<string, { importIndex: number; imported: string }>();
  /**
   * Set when an exported variable statement was taken to end at a line break. Should it in fact
   * go on, a later comma at the top level would start another declarator, so one declines.
   */
  private mayStillDeclare = false;
  /**
   * Whether the tokens just before are decorators (`@a.b(…) @c`), and whether they begin a
   * statement or sit in an expression (`x = a, @Dec class …`), where an `export` after them
   * does not start a statement of its own.
   */
  private decorators: 'statement' | 'in-expression' | undefined;
  /**
   * Whether the file is a module to the compiler so far (isModuleFile in ambient-modules.ts): an
   * import or export statement (not `export as namespace`, not `import A = N.B`), or an extension
   * that makes it one; `import.meta` is looked for at the end.
   */
  private moduleIndicator: boolean;
  private readonly declarationFile: boolean;
  /** Whether an ambient module block was read while the file still looked like a script. */
  private scriptAmbientModules = false;
  /** Whether the last top-level `declare` started a statement, and how the last `module` did. */
  private declareStarts = false;
  private moduleStarts: 'declared' | 'bare' | undefined;
  /** A top-level `if`/`while`/`for`/`with` whose parenthesis is to come (`pending`) or open. */
  private header: 'pending' | 'open' | undefined;
  /** Whether the current top-level token directly follows such a header's closing parenthesis. */
  private nested = false;

  constructor(private readonly fileName: string, private readonly text: string, variant: ts.LanguageVariant, private readonly hints?: CodeHints) {
    this.c = new TokenCursor(text, variant, hints);
    this.declarationFile = isDeclarationFileName(fileName);
    this.moduleIndicator = !this.declarationFile && /\.[cm][jt]s$/.test(fileName);
  }

  /** Ends the walk: the cursor's scanner goes to the next file's. */
  release(): void {
    this.c.release();
  }

  run(): FileFacts | undefined {
    const c = this.c;
    // Directives come first, as in the full parse: they stand in the comments before the first token.
    for (const d of commentDirectives(this.fileName, this.text)) {
      const index = this.addAt({ start: d.start, end: d.end, value: d.specifier }, d.kind, isReference(d.kind), []);
      if (d.mode) this.imports[index].mode = d.mode;
    }
    c.next();
    while (c.token() !== SK.EndOfFileToken) {
      if (c.depth === 0 && c.closes) {
        this.nested = this.header === 'open' && c.token() === SK.CloseParenToken;
        if (this.nested) this.header = undefined;
      } else if (c.depth === 0) {
        // A statement right after `if (…)`, `else`, `do`, a label… is that statement's body, not the file's.
        const nested = this.nested || c.prevKind === SK.ElseKeyword || c.prevKind === SK.DoKeyword || c.prevKind === SK.ColonToken;
        this.nested = false;
        const afterDot = c.prevKind === SK.DotToken || c.prevKind === SK.QuestionDotToken;
        this.trackHeader(afterDot ? SK.Identifier : c.token()); // `Symbol.for(…)` is no loop
        if (c.token() === SK.ExportKeyword && !afterDot) {
          if (this.decorators === 'in-expression' || nested) throw DECLINE;
          this.decorators = undefined;
          this.mayStillDeclare = false;
          this.exportStatement();
          continue;
        }
        this.trackDecorators(nested);
        if (c.token() === SK.ImportKeyword && !afterDot) {
          this.importStatement(false, nested);
          continue;
        }
        if (c.token() === SK.DeclareKeyword) this.declareStarts = !nested && startsStatement(c);
        else if (c.token() === SK.ModuleKeyword) this.moduleStarts = c.prevKind === SK.DeclareKeyword ? (this.declareStarts && !c.lineBreakBefore ? 'declared' : undefined) : !nested && startsStatement(c) ? 'bare' : undefined;
        // `declare module "m" { … }`: an augmentation, or an ambient module with imports of its own.
        if (c.token() === SK.StringLiteral && c.prevKind === SK.ModuleKeyword) {
          if (this.moduleStarts === undefined) throw DECLINE;
          this.ambientModule(false, this.moduleStarts === 'declared');
          continue;
        }
        if (this.mayStillDeclare) {
          if (c.token() === SK.CommaToken) throw DECLINE;
          const startsStatement = c.lineBreakBefore && endsExpression(c.prevKind) && !MAY_END_EXPRESSION.has(c.prevKind) && STATEMENT_KEYWORDS.has(c.token());
          if (c.token() === SK.SemicolonToken || startsStatement) this.mayStillDeclare = false;
        }
      }
      c.next();
    }
    if (c.failed) return undefined;
    // A block taken for a script's (no facts) in a file that is a module after all (see ambientModule);
    // `import.meta` anywhere (`import /* … */ .meta` too) makes one.
    if (this.scriptAmbientModules && (this.moduleIndicator || this.text.includes('meta'))) return undefined;
    // After every top-level fact, as the full parse adds the walk's facts after its statements'.
    for (const call of this.hints?.deepImports ?? []) this.addAt(call, call.kind, false, []);
    const facts: FileFacts = { imports: this.imports, localExports: [...this.localExports], reExports: this.reExports, starExports: this.starExports };
    const database = this.hints?.databaseFacts();
    if (database) {
      this.lines ??= new LineIndex(this.text, { unicodeSeparators: true });
      const lines = this.lines;
      const references = database.references.map(({ name, start, end }): TableReference => ({ kind: 'sql', name, range: lines.range(start, end), via: 'SQL' }));
      // In document order, as the database walk sorts what it meets.
      references.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
      const declarations = database.entities.map((e): TableDeclaration => ({
        table: e.table, model: e.className, bindings: e.isDefault ? [e.className, 'default'] : [e.className], orm: 'typeorm', range: lines.range(e.start, e.end),
      }));
      facts.database = { references, declarations };
    }
    return facts;
  }

  /**
   * Called for each top-level token that does not close a bracket: `if`, `while`, `for` and
   * `with` make their parenthesis a statement's header (`for await (`: `await` keeps it pending).
   */
  private trackHeader(kind: ts.SyntaxKind): void {
    if (kind === SK.IfKeyword || kind === SK.WhileKeyword || kind === SK.ForKeyword || kind === SK.WithKeyword) this.header = 'pending';
    else if (kind === SK.OpenParenToken && this.header === 'pending') this.header = 'open';
    else if (!(kind === SK.AwaitKeyword && this.header === 'pending')) this.header = undefined;
  }

  /** Called for each top-level token other than `export`; `nested`: the token begins another statement's body. */
  private trackDecorators(nested: boolean): void {
    const c = this.c;
    const kind = c.token();
    if (kind === SK.AtToken) {
      if (this.decorators) return;
      this.decorators = !nested && startsStatement(c) ? 'statement' : 'in-expression';
    } else if (this.decorators && !(isIdentifierOrKeyword(kind) || kind === SK.DotToken || kind === SK.OpenParenToken || kind === SK.CloseParenToken)) {
      this.decorators = undefined;
    }
  }

  // ----- imports -----

  /**
   * At `import` (after `export` when `exported`); leaves the cursor after the statement. A
   * declaration `nested` in another statement is none of the file's: the parse decides.
   */
  private importStatement(exported: boolean, nested = false): void {
    const c = this.c;
    c.next();
    if (!exported && (c.token() === SK.DotToken || c.token() === SK.OpenParenToken)) return; // import.meta, import(…)
    if (nested) throw DECLINE;
    this.mayStillDeclare = false;
    if (c.token() === SK.StringLiteral) {
      if (exported) throw DECLINE;
      this.moduleIndicator = true;
      this.add('import', false, []);
      c.next();
      this.endOfModuleDeclaration();
      return;
    }
    let typeOnly = false;
    let defaultName: string | undefined;
    if (isIdentifierLike(c.token())) {
      if (c.value === 'defer' || c.value === 'source' || isReservedInBinding(c.token())) throw DECLINE; // import phases: the parser's
      defaultName = c.value;
      const wasType = c.token() === SK.TypeKeyword;
      c.next();
      if (wasType) {
        // `import type from …`, `import type, {…}` and `import type = …` import something named `type`.
        if (c.token() === SK.FromKeyword || c.token() === SK.CommaToken || c.token() === SK.EqualsToken || c.lineBreakBefore) throw DECLINE;
        typeOnly = true;
        if (isIdentifierLike(c.token())) {
          defaultName = this.bindingName();
        } else if (c.token() === SK.OpenBraceToken || c.token() === SK.AsteriskToken) {
          defaultName = undefined;
        } else {
          throw DECLINE;
        }
      }
      if (defaultName !== undefined && c.token() === SK.EqualsToken) return this.importEquals(defaultName, typeOnly, exported);
    }
    if (exported) throw DECLINE;
    const names: ImportedName[] = [];
    let namedElements: number | undefined;
    let allElementsTypeOnly = true;
    if (defaultName !== undefined) {
      names.push({ imported: 'default', local: defaultName });
      if (c.token() === SK.CommaToken) {
        if (typeOnly) throw DECLINE; // a type-only import with both parts: the checker's error
        c.next();
        if (c.token() !== SK.OpenBraceToken && c.token() !== SK.AsteriskToken) throw DECLINE;
      } else if (c.token() !== SK.FromKeyword) {
        throw DECLINE;
      }
    }
    if (c.token() === SK.AsteriskToken) {
      c.next();
      this.expect(SK.AsKeyword);
      names.push({ imported: '*', local: this.bindingName() });
    } else if (c.token() === SK.OpenBraceToken) {
      c.next();
      namedElements = 0;
      while (c.token() !== SK.CloseBraceToken) {
        const element = this.importSpecifier();
        names.push(element.name);
        namedElements++;
        if (!element.typeOnly) allElementsTypeOnly = false;
        if (c.token() === SK.CommaToken) c.next();
        else if (c.token() !== SK.CloseBraceToken) throw DECLINE;
      }
      c.next();
    } else if (defaultName === undefined) {
      throw DECLINE;
    }
    this.expect(SK.FromKeyword);
    if (c.token() !== SK.StringLiteral) throw DECLINE;
    const clauseTypeOnly = typeOnly || (defaultName === undefined && namedElements !== undefined && namedElements > 0 && allElementsTypeOnly);
    this.moduleIndicator = true;
    const index = this.add('import', clauseTypeOnly, names);
    c.next();
    this.endOfModuleDeclaration();
    for (const n of names) this.importedLocals.set(n.local, { importIndex: index, imported: n.imported });
  }

  /** One element of `import { … }`. */
  private importSpecifier(): { name: ImportedName; typeOnly: boolean } {
    const c = this.c;
    let typeOnly = false;
    if (c.token() === SK.TypeKeyword) {
      c.next();
      if (c.token() === SK.CommaToken || c.token() === SK.CloseBraceToken) return { name: { imported: 'type', local: 'type' }, typeOnly: false };
      typeOnly = true;
    }
    if (c.token() === SK.AsKeyword) throw DECLINE; // `type as …`, `as as …`: the parser's special cases
    if (c.token() === SK.StringLiteral || isIdentifierOrKeyword(c.token())) {
      const isName = isIdentifierLike(c.token());
      const imported = c.value;
      c.next();
      if (c.token() === SK.AsKeyword) {
        c.next();
        return { name: { imported, local: this.bindingName() }, typeOnly };
      }
      if (!isName) throw DECLINE; // `{ default }`, `{ "x" }`: needs `as`
      return { name: { imported, local: imported }, typeOnly };
    }
    throw DECLINE;
  }

  /** At `=` of `import A = …`. */
  private importEquals(name: string, typeOnly: boolean, exported: boolean): void {
    const c = this.c;
    c.next();
    if (c.token() === SK.RequireKeyword) {
      c.next();
      if (c.token() === SK.OpenParenToken) {
        c.next();
        if (c.token() !== SK.StringLiteral) throw DECLINE;
        const literal = { start: c.start, end: c.end, value: c.value };
        c.next();
        this.expect(SK.CloseParenToken);
        this.endOfStatement();
        this.moduleIndicator = true;
        this.addAt(literal, 'import-equals', typeOnly, [{ imported: '*', local: name }]);
        if (exported) this.localExports.add(name);
        return;
      }
    } else if (isIdentifierLike(c.token())) {
      c.next();
    } else {
      throw DECLINE;
    }
    if (typeOnly) throw DECLINE;
    while (c.token() === SK.DotToken) {
      c.next();
      if (!isIdentifierOrKeyword(c.token())) throw DECLINE;
      c.next();
    }
    this.endOfStatement();
    if (exported) this.localExports.add(name);
  }

  // ----- exports -----

  /** At `export`; leaves the cursor after what it had to read. */
  private exportStatement(): void {
    const c = this.c;
    c.next();
    // `export as namespace X` alone does not make a module; everything else does.
    if (c.token() !== SK.AsKeyword) this.moduleIndicator = true;
    switch (c.token()) {
      case SK.AsteriskToken:
        return this.exportStar(false);
      case SK.OpenBraceToken:
        return this.exportList(false);
      case SK.DefaultKeyword:
      case SK.EqualsToken:
        // `export default <anything>` and `export =`: the rest is an expression or a declaration.
        c.next();
        if (CANNOT_START_ANYTHING.has(c.token())) throw DECLINE;
        this.localExports.add('default');
        return;
      case SK.AsKeyword: // export as namespace X;
        c.next();
        if (c.token() !== SK.NamespaceKeyword || c.lineBreakBefore) throw DECLINE;
        c.next();
        this.bindingName();
        this.endOfStatement();
        return;
      case SK.ImportKeyword:
        return this.importStatement(true);
      case SK.TypeKeyword: {
        c.next();
        if (c.token() === SK.OpenBraceToken) return this.exportList(true);
        if (c.token() === SK.AsteriskToken) return this.exportStar(true);
        if (c.lineBreakBefore) throw DECLINE;
        this.localExports.add(this.bindingName()); // type alias
        return;
      }
      case SK.AtToken:
        this.skipDecorators();
        if (c.token() !== SK.ClassKeyword && c.token() !== SK.AbstractKeyword) throw DECLINE;
        return this.declaration();
      default:
        return this.declaration();
    }
  }

  /** At `*` of `export * …` / `export type * …`. */
  private exportStar(typeOnly: boolean): void {
    const c = this.c;
    c.next();
    let namespace: string | undefined;
    if (c.token() === SK.AsKeyword) {
      c.next();
      namespace = this.moduleExportName();
    }
    this.expect(SK.FromKeyword);
    if (c.token() !== SK.StringLiteral) throw DECLINE;
    const index = this.add('export', typeOnly, [{ imported: '*', local: namespace ?? '*' }]);
    c.next();
    this.endOfModuleDeclaration();
    if (namespace === undefined) this.starExports.push(index);
    else this.localExports.add(namespace);
  }

  /** At `{` of `export { … }` / `export type { … }`, with or without `from`. */
  private exportList(typeOnly: boolean): void {
    const c = this.c;
    c.next();
    const elements: { property?: string; name: string; propertyIsIdentifier: boolean }[] = [];
    while (c.token() !== SK.CloseBraceToken) {
      if (c.token() === SK.TypeKeyword) {
        c.next();
        if (c.token() === SK.CommaToken || c.token() === SK.CloseBraceToken) {
          elements.push({ name: 'type', propertyIsIdentifier: true });
        } else if (c.token() === SK.AsKeyword) {
          throw DECLINE;
        } else {
          elements.push(this.exportSpecifier());
        }
      } else {
        if (c.token() === SK.AsKeyword) throw DECLINE;
        elements.push(this.exportSpecifier());
      }
      if (c.token() === SK.CommaToken) c.next();
      else if (c.token() !== SK.CloseBraceToken) throw DECLINE;
    }
    c.next();
    if (c.token() === SK.FromKeyword) {
      c.next();
      if (c.token() !== SK.StringLiteral) throw DECLINE;
      const names = elements.map((el) => ({ imported: el.property ?? el.name, local: el.name }));
      const index = this.add('export', typeOnly, names);
      c.next();
      this.endOfModuleDeclaration();
      for (const n of names) this.reExports.push({ exported: n.local, imported: n.imported, importIndex: index });
      return;
    }
    if (c.token() === SK.StringLiteral) throw DECLINE;
    this.endOfStatement();
    for (const el of elements) {
      if (!el.propertyIsIdentifier) throw DECLINE; // `export { default }`, `export { "x" as y }` without `from`
      const via = this.importedLocals.get(el.property ?? el.name);
      if (via && via.imported !== '*') this.reExports.push({ exported: el.name, imported: via.imported, importIndex: via.importIndex });
      else this.localExports.add(el.name);
    }
  }

  private exportSpecifier(): { property?: string; name: string; propertyIsIdentifier: boolean } {
    const c = this.c;
    const propertyIsIdentifier = isIdentifierLike(c.token());
    const first = this.moduleExportName();
    if (c.token() !== SK.AsKeyword) return { name: first, propertyIsIdentifier };
    this.c.next();
    return { property: first, name: this.moduleExportName(), propertyIsIdentifier };
  }

  /** `export [declare] const|let|var|function|class|interface|type|enum|namespace|module …`. */
  private declaration(): void {
    const c = this.c;
    const declared = c.token() === SK.DeclareKeyword;
    if (declared) this.nextOnSameLine();
    switch (c.token()) {
      case SK.ConstKeyword:
        c.next();
        if (c.token() === SK.EnumKeyword) {
          if (c.lineBreakBefore) throw DECLINE;
          c.next();
          this.localExports.add(this.bindingName());
          return;
        }
        return this.variableDeclarations();
      case SK.LetKeyword:
      case SK.VarKeyword:
        c.next();
        return this.variableDeclarations();
      case SK.AsyncKeyword:
        this.nextOnSameLine();
        if (c.token() !== SK.FunctionKeyword) throw DECLINE;
      // falls through
      case SK.FunctionKeyword:
        c.next();
        if (c.token() === SK.AsteriskToken) c.next();
        this.localExports.add(this.bindingName());
        return;
      case SK.AbstractKeyword:
        this.nextOnSameLine();
        if (c.token() !== SK.ClassKeyword) throw DECLINE;
      // falls through
      case SK.ClassKeyword:
        c.next();
        if (c.token() === SK.ImplementsKeyword) throw DECLINE;
        this.localExports.add(this.bindingName());
        return;
      case SK.EnumKeyword:
        c.next();
        this.localExports.add(this.bindingName());
        return;
      case SK.InterfaceKeyword:
      case SK.TypeKeyword:
      case SK.NamespaceKeyword:
        this.nextOnSameLine();
        this.localExports.add(this.bindingName());
        return;
      case SK.ModuleKeyword:
        this.nextOnSameLine();
        if (c.token() === SK.StringLiteral) return this.ambientModule(true, declared);
        this.localExports.add(this.bindingName());
        return;
      default:
        throw DECLINE;
    }
  }

  // ----- exported variables -----

  /** After `const`/`let`/`var`: the declarators, up to and including the end of the statement. */
  private variableDeclarations(): void {
    const c = this.c;
    for (;;) {
      this.bindingTarget();
      if (c.token() === SK.ExclamationToken && !c.lineBreakBefore) c.next();
      if (!this.declaratorTail()) return;
      c.next(); // the comma
    }
  }

  /**
   * Skips a declarator's type annotation and initializer. Returns true at a comma that starts
   * another declarator, false when the statement ended (the cursor is then after it).
   *
   * The trap is a comma at nesting depth 0 that does not separate declarators: inside `<…>` of a
   * type (`Map<string, number>`), of a generic arrow function (`<A, B>(a: A) => …`) or of an arrow
   * function's return type (`(a): Map<K, V> => …`). In types every `<` opens and every `>` closes;
   * in an expression a `<` opens type parameters (or a type assertion) only where an operand is
   * expected, and after an operand it is a comparison or type arguments, which one cannot tell
   * apart (`f<A, B>(x)`), so a comma after one declines.
   */
  private declaratorTail(): boolean {
    const c = this.c;
    /** Where the cursor is: a declarator's type annotation, its initializer, or an arrow function's return type in it. */
    let mode: 'annotation' | 'init' | 'returnType' = 'init';
    /** Open `<` of types (or type parameters) at depth 0. */
    let angles = 0;
    /** Open `?` of conditional expressions, whose `:` is no return type. */
    let questions = 0;
    let sawLessThan = false;
    let continuedAtLineBreak = false;
    if (c.token() === SK.ColonToken) {
      mode = 'annotation';
      c.next();
    } else if (c.token() === SK.EqualsToken) {
      c.next();
    } else if (c.token() !== SK.CommaToken && c.token() !== SK.SemicolonToken && c.token() !== SK.EndOfFileToken && !c.lineBreakBefore) {
      throw DECLINE;
    }
    for (;;) {
      if (c.token() === SK.EndOfFileToken) {
        if (angles > 0 || mode === 'returnType') throw DECLINE;
        return false;
      }
      if (c.depth === 0 && !c.closes) {
        const inType = mode !== 'init' || angles > 0;
        switch (c.token()) {
          case SK.SemicolonToken:
            if (angles > 0 || mode === 'returnType') throw DECLINE;
            c.next();
            return false;
          case SK.CommaToken:
            if (angles === 0) {
              if (mode === 'returnType' || sawLessThan || continuedAtLineBreak) throw DECLINE; // `f<A, B>(x)` or a statement after ASI
              return true;
            }
            break;
          case SK.EqualsToken:
            if (angles === 0 && mode === 'annotation') mode = 'init';
            else if (angles === 0 && mode === 'returnType') throw DECLINE;
            break;
          case SK.EqualsGreaterThanToken:
            if (angles === 0 && mode === 'returnType') mode = 'init';
            break;
          case SK.LessThanToken:
            if (inType || !endsExpression(c.prevKind) || c.prevKind === SK.AsyncKeyword || c.typeArgumentsBeforeCall()) angles++;
            else sawLessThan = true;
            break;
          case SK.GreaterThanToken:
            if (angles > 0) angles--;
            else if (inType) throw DECLINE;
            break;
          case SK.LessThanLessThanToken:
          case SK.LessThanLessThanEqualsToken:
            if (inType) throw DECLINE;
            sawLessThan = true;
            break;
          case SK.QuestionToken:
            if (!inType) questions++;
            break;
          case SK.ColonToken:
            if (!inType) {
              if (questions > 0) questions--;
              else if (c.prevKind === SK.CloseParenToken) mode = 'returnType';
              else throw DECLINE;
            }
            break;
          case SK.ExportKeyword:
            if (!c.lineBreakBefore) throw DECLINE;
            if (angles > 0 || mode === 'returnType') throw DECLINE;
            return false;
          case SK.IfKeyword:
          case SK.WhileKeyword:
          case SK.ForKeyword:
          case SK.WithKeyword:
            // Never in an expression or a type: a statement whose header the main loop must see (`() => void⏎if (a)⏎@Dec() export class`).
            if (c.prevKind === SK.DotToken || c.prevKind === SK.QuestionDotToken) break;
            if (!c.lineBreakBefore) throw DECLINE;
            return this.declaratorEnded(angles > 0 || mode === 'returnType');
          case SK.StringLiteral:
            // `declare module "m"` after a line break that did not end the initializer (`a!`): the parse tells.
            if (c.prevKind === SK.ModuleKeyword) throw DECLINE;
            break;
          case SK.ImportKeyword:
            // A declaration, or `import.meta`/`import(…)` inside the initializer: the main loop tells.
            if (!c.lineBreakBefore && endsExpression(c.prevKind)) throw DECLINE;
            return this.declaratorEnded(angles > 0 || mode === 'returnType');
        }
        if (c.lineBreakBefore) {
          if (MAY_END_EXPRESSION.has(c.prevKind) || (!inType && c.prevKind === SK.GreaterThanToken)) {
            continuedAtLineBreak = true;
          } else if (endsExpression(c.prevKind) || (inType && c.prevKind === SK.GreaterThanToken)) {
            const next = lineStartVerdict(c.token());
            if (next === 'ends') return this.declaratorEnded(angles > 0 || mode === 'returnType');
            if (next === 'maybe') continuedAtLineBreak = true;
          }
        }
      }
      c.next();
    }
  }

  /**
   * declaratorTail's end before a token that may begin the next statement (the main loop reads it),
   * unless a type or a return type is still `open` there, which the tokens cannot close.
   */
  private declaratorEnded(open: boolean): false {
    if (open) throw DECLINE;
    this.mayStillDeclare = true;
    return false;
  }

  /** A declarator's name or destructuring pattern; records the names it binds. */
  private bindingTarget(): void {
    const c = this.c;
    if (c.token() !== SK.OpenBraceToken && c.token() !== SK.OpenBracketToken) {
      this.localExports.add(this.bindingName());
      return;
    }
    // Patterns are read recursively; hostile nesting must not overflow the stack.
    if (c.depth >= MAX_PATTERN_DEPTH) throw DECLINE;
    if (c.token() === SK.OpenBraceToken) this.objectPattern();
    else this.arrayPattern();
  }

  private objectPattern(): void {
    const c = this.c;
    c.next();
    while (c.token() !== SK.CloseBraceToken) {
      if (c.token() === SK.DotDotDotToken) {
        c.next();
        this.bindingTarget();
      } else if (c.token() === SK.OpenBracketToken) {
        this.skipBracketed();
        this.expect(SK.ColonToken);
        this.bindingTarget();
      } else if (isIdentifierOrKeyword(c.token()) || c.token() === SK.StringLiteral || c.token() === SK.NumericLiteral) {
        const shorthand = isIdentifierLike(c.token()) && !isReservedInBinding(c.token()) ? c.value : undefined;
        c.next();
        if (c.token() === SK.ColonToken) {
          c.next();
          this.bindingTarget();
        } else if (shorthand !== undefined) {
          this.localExports.add(shorthand);
        } else {
          throw DECLINE;
        }
      } else {
        throw DECLINE;
      }
      if (c.token() === SK.EqualsToken) this.skipDefault();
      if (c.token() === SK.CommaToken) c.next();
      else if (c.token() !== SK.CloseBraceToken) throw DECLINE;
    }
    c.next();
  }

  private arrayPattern(): void {
    const c = this.c;
    c.next();
    while (c.token() !== SK.CloseBracketToken) {
      if (c.token() === SK.CommaToken) {
        c.next();
        continue;
      }
      if (c.token() === SK.DotDotDotToken) c.next();
      this.bindingTarget();
      if (c.token() === SK.EqualsToken) this.skipDefault();
      if (c.token() === SK.CommaToken) c.next();
      else if (c.token() !== SK.CloseBracketToken) throw DECLINE;
    }
    c.next();
  }

  /** At `=` inside a pattern: skips the default value up to the next `,` or the pattern's end. */
  private skipDefault(): void {
    const c = this.c;
    c.next();
    const depth = c.depth;
    let sawLessThan = false;
    // The pattern's own closing bracket is the first token below the default's level.
    while (c.depth >= depth) {
      if (c.depth === depth && c.token() === SK.CommaToken) {
        if (sawLessThan) throw DECLINE;
        return;
      }
      if (c.depth === depth && (c.token() === SK.LessThanToken || c.token() === SK.LessThanLessThanToken)) sawLessThan = true;
      if (c.token() === SK.EndOfFileToken) throw DECLINE;
      c.next();
    }
  }

  // ----- small readers -----

  /** At an opening bracket: moves past its closing one. */
  private skipBracketed(): void {
    const c = this.c;
    const depth = c.depth;
    do {
      c.next();
      if (c.token() === SK.EndOfFileToken) throw DECLINE;
    } while (!(c.closes && c.depth === depth));
    c.next();
  }

  private skipDecorators(): void {
    const c = this.c;
    while (c.token() === SK.AtToken) {
      c.next();
      if (c.token() === SK.OpenParenToken) {
        this.skipBracketed();
        continue;
      }
      if (!isIdentifierLike(c.token())) throw DECLINE;
      c.next();
      while (c.token() === SK.DotToken) {
        c.next();
        if (!isIdentifierOrKeyword(c.token())) throw DECLINE;
        c.next();
      }
      if (c.token() === SK.OpenParenToken) this.skipBracketed();
    }
  }

  /** A name that binds something here: an identifier, not a reserved word. */
  private bindingName(): string {
    const c = this.c;
    if (!isIdentifierLike(c.token()) || isReservedInBinding(c.token())) throw DECLINE;
    const name = c.value;
    c.next();
    return name;
  }

  /** A name in an export list or `export * as`: any identifier, keyword or string. */
  private moduleExportName(): string {
    const c = this.c;
    if (c.token() !== SK.StringLiteral && !isIdentifierOrKeyword(c.token())) throw DECLINE;
    const name = c.value;
    c.next();
    return name;
  }

  private expect(kind: ts.SyntaxKind): void {
    if (this.c.token() !== kind) throw DECLINE;
    this.c.next();
  }

  /**
   * At the name of a top-level `[export] [declare] module "m"` (`declared`: with `declare`): the
   * facts ambientModuleFacts gives. In a module file the name is an augmentation and the block
   * does not count; in a script only string literals in the block can make facts (imports,
   * nested blocks), so a block without any gives none. Whether the file is a module is known
   * for certain only at its end: a block read as a script's is checked again there (run).
   * Leaves the cursor on the block's `}` or after the name of a block-less `declare module "m";`.
   */
  private ambientModule(exported: boolean, declared: boolean): void {
    const c = this.c;
    // Not ambient (`module "m"` in a .ts file is the parser's error) or a name on the next line (no module declaration).
    if ((!declared && !this.declarationFile) || c.lineBreakBefore) throw DECLINE;
    const name = { start: c.start, end: c.end, value: c.value };
    if (exported) this.localExports.add(name.value);
    c.next();
    let strings = false;
    if (c.token() === SK.OpenBraceToken) {
      do {
        c.next();
        if (c.token() === SK.StringLiteral) strings = true;
      } while (!(c.depth === 0 && c.closes) && c.token() !== SK.EndOfFileToken);
      if (c.token() === SK.EndOfFileToken) throw DECLINE;
    } else if (!(c.token() === SK.SemicolonToken || c.token() === SK.EndOfFileToken || c.lineBreakBefore)) {
      throw DECLINE;
    }
    if (this.moduleIndicator) {
      this.addAt(name, 'module-augmentation', true, []);
      return;
    }
    if (strings) throw DECLINE;
    this.scriptAmbientModules = true;
  }

  private nextOnSameLine(): void {
    this.c.next();
    if (this.c.lineBreakBefore) throw DECLINE;
  }

  /** After an import/export's module specifier: optional import attributes, then the end. */
  private endOfModuleDeclaration(): void {
    const c = this.c;
    if ((c.token() === SK.WithKeyword || c.token() === SK.AssertKeyword) && !c.lineBreakBefore) {
      c.next();
      if (c.token() !== SK.OpenBraceToken) throw DECLINE;
      this.skipBracketed();
    }
    this.endOfStatement();
  }

  /** A statement ends at `;`, before a line break or at the end of the file. */
  private endOfStatement(): void {
    const c = this.c;
    if (c.token() === SK.SemicolonToken) c.next();
    else if (c.token() !== SK.EndOfFileToken && !c.lineBreakBefore) throw DECLINE;
  }

  private add(kind: ImportKind, typeOnly: boolean, names: ImportedName[]): number {
    const c = this.c;
    return this.addAt({ start: c.start, end: c.end, value: c.value }, kind, typeOnly, names);
  }

  private addAt(literal: { start: number; end: number; value: string }, kind: ImportKind, typeOnly: boolean, names: ImportedName[]): number {
    this.lines ??= new LineIndex(this.text, { unicodeSeparators: true });
    this.imports.push({ specifier: literal.value, kind, typeOnly, range: this.lines.range(literal.start, literal.end), names });
    return this.imports.length - 1;
  }
}

/**
 * TypeScript's isDeclarationFileName (internal): `.d.ts`, `.d.mts`, `.d.cts`, and a `.ts` file
 * whose name has `.d.` in it (`styles.d.css.ts`, declarations for arbitrary extensions).
 */
export function isDeclarationFileName(fileName: string): boolean {
  if (DECLARATION_FILE.test(fileName)) return true;
  return fileName.endsWith('.ts') && /\.d\./.test(fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1));
}

/** Whether the current top-level token starts a statement, as far as the token before it tells. */
function startsStatement(c: TokenCursor): boolean {
  return mayStartStatement(c.prevKind, c.lineBreakBefore);
}

/** Words that parse as identifiers elsewhere but are refused (or special) as a binding here. */
function isReservedInBinding(kind: ts.SyntaxKind): boolean {
  return kind === SK.YieldKeyword || kind === SK.AwaitKeyword || kind === SK.LetKeyword;
}

/**
 * What a token at the start of a line, after a token that can end an expression, means for the
 * statement before it: `ends` (automatic semicolon), `continues`, or `maybe` (it continues an
 * expression but perhaps not a type annotation, or the other way round).
 */
function lineStartVerdict(kind: ts.SyntaxKind): 'ends' | 'continues' | 'maybe' {
  switch (kind) {
    case SK.CommaToken:
    case SK.EqualsToken:
    case SK.DotToken:
    case SK.QuestionDotToken:
    case SK.InKeyword:
    case SK.InstanceOfKeyword:
      return 'continues';
    case SK.ExtendsKeyword:
      return 'maybe';
    case SK.StringLiteral:
    case SK.NumericLiteral:
    case SK.BigIntLiteral:
    case SK.OpenBraceToken:
    case SK.AtToken:
    case SK.ExclamationToken:
    case SK.PlusPlusToken:
    case SK.MinusMinusToken:
    case SK.PrivateIdentifier:
    case SK.HashToken:
      return 'ends';
    default:
      return isIdentifierOrKeyword(kind) ? 'ends' : 'maybe';
  }
}

/** Tokens that cannot begin what follows `export default` / `export =`. */
const CANNOT_START_ANYTHING = new Set<ts.SyntaxKind>([
  SK.SemicolonToken, SK.CloseParenToken, SK.CloseBracketToken, SK.CloseBraceToken, SK.CommaToken, SK.EndOfFileToken,
  SK.EqualsToken, SK.DotToken, SK.ExportKeyword,
]);

/** Reserved words that, at the start of a line, begin a new statement whatever came before. */
const STATEMENT_KEYWORDS = new Set<ts.SyntaxKind>([
  SK.ConstKeyword, SK.VarKeyword, SK.FunctionKeyword, SK.ClassKeyword, SK.EnumKeyword, SK.IfKeyword, SK.ForKeyword,
  SK.WhileKeyword, SK.DoKeyword, SK.SwitchKeyword, SK.TryKeyword, SK.ThrowKeyword, SK.ReturnKeyword, SK.BreakKeyword,
  SK.ContinueKeyword, SK.DebuggerKeyword,
]);
