import { ts } from 'ts-morph';
import { extractDatabaseFacts, mayMentionDatabase } from './database/extract-database-facts';
import type { Range } from '../model';
import { commentDirectives } from './comment-directives';
import { ambientModuleFacts, isAmbient, isModuleFile } from './ambient-modules';
import { deepWalkFacts } from './deep-walk';
import { embeddedScript } from './embedded-scripts';
import { mayImportInJsDoc, needsDeepWalk } from './deep-walk-hint';
import { importClauseNames } from './import-clause-names';
import { isReference, type FileFacts, type ImportFact, type ImportKind, type ImportedName, type ReExport } from './file-facts';
import { scanFacts } from './scan-facts';
import type { TableFunctionCall } from './database/table-function-calls';
export { importsOnlyFacts } from './imports-only-facts';

/**
 * Reads the import/export facts of one file: from its tokens alone when the scanner fast path
 * accepts the file (most files: it only needs top-level import/export statements), else from the
 * syntax tree. Both give the same facts; only the full parse reports `syntaxError` (see scanFacts).
 * Without `database`, no database facts are read: the fast path then also takes the many files
 * whose words merely look like database code.
 */
export function extractFacts(fileName: string, text: string, database = true, functions: readonly TableFunctionCall[] = []): FileFacts {
  // A component's scripts, read as one file whose other characters are blank.
  const script = embeddedScript(fileName, text);
  if (script) return extractFacts(script.fileName, script.text, database, functions);
  return scanFacts(fileName, text, database, functions) ?? parseFacts(fileName, text, database, functions);
}

/**
 * Reads the import/export facts of one file from its syntax tree. Only top-level statements are
 * visited unless the text mentions `import(` or `require(` (or a JavaScript file's JSDoc may
 * import), which keeps large files cheap.
 */
export function parseFacts(fileName: string, text: string, database = true, functions: readonly TableFunctionCall[] = []): FileFacts {
  // JSDoc holds facts only in JavaScript files that mention an import there; parsing it elsewhere
  // was a large part of parsing.
  const jsDoc = mayImportInJsDoc(fileName, text);
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: jsDoc ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseNone };
  const sf = ts.createSourceFile(fileName, text, options, false, scriptKindOf(fileName));
  const imports: ImportFact[] = [];
  const localExports = new Set<string>();
  const reExports: ReExport[] = [];
  const starExports: number[] = [];
  /** local name -> import index and imported name, to follow `import { a } ...; export { a }`. */
  const importedLocals = new Map<string, { importIndex: number; imported: string }>();
  const rangeOf = (node: ts.Node): Range => {
    const start = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    const end = sf.getLineAndCharacterOfPosition(node.getEnd());
    return { start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } };
  };
  const add = (literal: ts.StringLiteralLike, kind: ImportKind, typeOnly: boolean, names: ImportedName[]): number => {
    imports.push({ specifier: literal.text, kind, typeOnly, range: rangeOf(literal), names });
    return imports.length - 1;
  };

  // Directives come first: they stand in the comments before the first statement.
  for (const d of commentDirectives(fileName, text, sf)) {
    const start = sf.getLineAndCharacterOfPosition(d.start);
    const end = sf.getLineAndCharacterOfPosition(d.end);
    const range = { start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } };
    imports.push({ specifier: d.specifier, kind: d.kind, typeOnly: isReference(d.kind), range, names: [], ...(d.mode ? { mode: d.mode } : {}) });
  }

  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const names = importClauseNames(clause);
      const bindings = clause?.namedBindings;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
      const index = add(statement.moduleSpecifier, 'import', typeOnly, names);
      for (const n of names) importedLocals.set(n.local, { importIndex: index, imported: n.imported });
    } else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const names: ImportedName[] = [];
        if (!clause) names.push({ imported: '*', local: '*' });
        else if (ts.isNamespaceExport(clause)) names.push({ imported: '*', local: clause.name.text });
        else for (const el of clause.elements) names.push({ imported: (el.propertyName ?? el.name).text, local: el.name.text });
        const index = add(statement.moduleSpecifier, 'export', statement.isTypeOnly, names);
        if (!clause) starExports.push(index);
        else if (ts.isNamespaceExport(clause)) localExports.add(clause.name.text);
        else for (const n of names) reExports.push({ exported: n.local, imported: n.imported, importIndex: index });
      } else if (clause && ts.isNamedExports(clause)) {
        for (const el of clause.elements) {
          const local = (el.propertyName ?? el.name).text;
          const via = importedLocals.get(local);
          if (via && via.imported !== '*') reExports.push({ exported: el.name.text, imported: via.imported, importIndex: via.importIndex });
          else localExports.add(el.name.text);
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement)) {
      const ref = statement.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        add(ref.expression, 'import-equals', statement.isTypeOnly, [{ imported: '*', local: statement.name.text }]);
      }
      if (hasExportModifier(statement)) localExports.add(statement.name.text);
    } else if (ts.isExportAssignment(statement)) {
      localExports.add('default');
    } else if (hasExportModifier(statement)) {
      for (const name of declaredNames(statement)) localExports.add(name);
    }
    if (ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name) && (isAmbient(statement) || sf.isDeclarationFile)) {
      ambientModuleFacts(statement, isModuleFile(sf), false, add);
    }
  }

  if (jsDoc || needsDeepWalk(text)) deepWalkFacts(sf, jsDoc, add);

  const facts: FileFacts = { imports, localExports: [...localExports], reExports, starExports };
  // Same tree, walked again only when the text can mention a table (see mayMentionDatabase).
  const databaseFacts = database && mayMentionDatabase(text, functions) ? extractDatabaseFacts(sf, functions) : undefined;
  if (databaseFacts) facts.database = databaseFacts;
  const parseDiagnostics = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics;
  if (parseDiagnostics && parseDiagnostics.length > 0) {
    const first = parseDiagnostics[0];
    const pos = sf.getLineAndCharacterOfPosition(first.start);
    const at = { line: pos.line + 1, column: pos.character + 1 };
    facts.syntaxError = { range: { start: at, end: at }, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') };
  }
  return facts;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasDefaultModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

function declaredNames(statement: ts.Statement): string[] {
  if (hasDefaultModifier(statement)) return ['default'];
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  }
  const named = statement as ts.Statement & { name?: ts.Node };
  if (named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name))) return [named.name.text];
  return [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : bindingNames(el.name)));
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (fileName.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (fileName.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
