// Writes dist/typescript-scanner.js: the part of TypeScript that the token scanner path uses
// (src/engine/extract/typescript-scanner.ts and the files importing it), about 150 KB against the
// 7 MB of dist/typescript.js. A `--cache` run that re-reads one changed file then scans it without
// loading all of TypeScript (issue 16: one touched file ≤ 0.5 s; loading TypeScript was 0.3 s).
//
// The code is TypeScript's own, statement for statement: the top-level declarations the used names
// reach, found through every identifier they mention (an over-approximation; names are never
// renamed), plus the statements that fill in a kept object (`X.y = …`, `__export(X, …)`,
// `(…)(X || (X = {}))`). The one edit: `Diagnostics` keeps only the messages the kept code names
// (the message table is 0.5 MB). esbuild tree-shaking keeps 3.5 MB, since TypeScript's top-level
// initializers look impure to it.
//
// Called by scripts/build.mjs (or run alone); skips the work when dist/typescript-scanner.js was
// made from the same TypeScript, names and script.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const SCANNER_MODULE = 'typescript-scanner';

/** The TypeScript that dist/typescript.js holds: ts-morph's own copy. */
function typescriptSource() {
  const common = path.dirname(require.resolve('@ts-morph/common', { paths: [path.dirname(require.resolve('ts-morph'))] }));
  return path.join(common, 'typescript.js');
}

/**
 * The TypeScript names used as values (`ts.X` outside types) by the files that import
 * src/engine/extract/typescript-scanner.ts: what the chunk must export.
 */
export function scannerNames(ts = require('typescript')) {
  const names = new Set();
  const users = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const text = readFileSync(file, 'utf8');
        if (new RegExp(`from '[./]*/?${SCANNER_MODULE}'`).test(text)) users.push(file);
      }
    }
  };
  walk(path.join(root, 'src'));
  for (const file of users) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    // The local name of `ts` from typescript-scanner (a file may also import the whole of TypeScript).
    const locals = new Set();
    for (const s of sf.statements) {
      const bindings = ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text.endsWith(SCANNER_MODULE) ? s.importClause?.namedBindings : undefined;
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) if ((e.propertyName ?? e.name).text === 'ts') locals.add(e.name.text);
    }
    const visit = (n) => {
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && locals.has(n.expression.text)) names.add(n.name.text);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { names: [...names].sort(), users: users.map((f) => path.relative(root, f)).sort() };
}

/** TypeScript's bundle as an ES module body: its wrapper and export table removed. */
function moduleBody(source) {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.startsWith('var ts = {}; ((module) => {'));
  const exportStart = lines.findIndex((l) => l.startsWith('__export(typescript_exports, {'));
  const exportEnd = lines.findIndex((l, i) => i > exportStart && l === '});');
  if (start < 0 || exportStart < 0 || exportEnd < 0) throw new Error(`${typescriptSource()}: not the layout this script knows (TypeScript's wrapper or export table moved)`);
  return [...lines.slice(start + 1, exportStart), ...lines.slice(exportEnd + 1)]
    .filter((l) => !l.startsWith('module.exports = __toCommonJS(') && !l.startsWith('})({ get exports()'))
    .join('\n');
}

/** The statement a non-declaration statement fills in, if it is one of the forms that do. */
function filledName(ts, s) {
  if (!ts.isExpressionStatement(s)) return undefined;
  const e = s.expression;
  if (ts.isCallExpression(e)) {
    const [first] = e.arguments;
    if (ts.isIdentifier(e.expression) && e.expression.text === '__export') return first && ts.isIdentifier(first) ? first.text : undefined;
    // `((X2) => { … })(X || (X = {}))`, a namespace.
    return first && ts.isBinaryExpression(first) && ts.isIdentifier(first.left) ? first.left.text : undefined;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    let target = e.left;
    while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) target = target.expression;
    return ts.isIdentifier(target) ? target.text : undefined;
  }
  return undefined;
}

function referencedNames(ts, node) {
  const refs = new Set();
  const visit = (n) => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const isMemberName = (ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) && p.name === n;
      if (!isMemberName) refs.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return refs;
}

/** The kept statements' text, in TypeScript's order, with `Diagnostics` cut to the messages used. */
export function scannerModule(body, roots, ts = require('typescript')) {
  const sf = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const statements = sf.statements.map((s) => {
    const declared = [];
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) declared.push(s.name.text);
    else if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) declared.push(d.name.text);
    return { s, declared, fills: declared.length ? undefined : filledName(ts, s), refs: referencedNames(ts, s) };
  });
  const declaredBy = new Map();
  const filledBy = new Map();
  statements.forEach((x, i) => {
    for (const d of x.declared) declaredBy.set(d, [...(declaredBy.get(d) ?? []), i]);
    if (x.fills) filledBy.set(x.fills, [...(filledBy.get(x.fills) ?? []), i]);
  });
  const missing = roots.filter((r) => !declaredBy.has(r));
  if (missing.length) throw new Error(`TypeScript declares no ${missing.join(', ')} at its top level (used as ts.X by a file importing ${SCANNER_MODULE})`);
  const kept = new Set();
  const reached = new Set();
  const queue = [...roots];
  while (queue.length) {
    const name = queue.pop();
    if (reached.has(name)) continue;
    reached.add(name);
    for (const i of [...(declaredBy.get(name) ?? []), ...(filledBy.get(name) ?? [])]) {
      if (kept.has(i)) continue;
      kept.add(i);
      for (const r of statements[i].refs) if (declaredBy.has(r) && !reached.has(r)) queue.push(r);
    }
  }
  const order = [...kept].sort((a, b) => a - b);
  const used = new Set();
  for (const i of order) for (const m of statements[i].s.getText(sf).matchAll(/\bDiagnostics\.(\w+)/g)) used.add(m[1]);
  const text = order.map((i) => {
    const s = statements[i].s;
    return statements[i].declared.includes('Diagnostics') ? diagnosticsSubset(ts, sf, s, used) : s.getText(sf);
  });
  return `${text.join('\n')}\nexport { ${roots.join(', ')} };\n`;
}

function diagnosticsSubset(ts, sf, statement, used) {
  const [declaration] = statement.declarationList.declarations;
  const table = declaration.initializer;
  if (!table || !ts.isObjectLiteralExpression(table)) throw new Error('TypeScript\'s Diagnostics is no longer an object literal');
  const entries = table.properties.filter((p) => p.name && ts.isIdentifier(p.name) && used.has(p.name.text)).map((p) => `  ${p.getText(sf)}`);
  return `var Diagnostics = {\n${entries.join(',\n')}\n};`;
}

/** Builds dist/typescript-scanner.js unless it is up to date. */
export async function buildTypescriptScannerChunk(outfile = path.join(root, 'dist/typescript-scanner.js')) {
  const ts = require('typescript');
  const source = readFileSync(typescriptSource(), 'utf8');
  const { names } = scannerNames(ts);
  const key = createHash('sha256').update(source).update(names.join(',')).update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
  const banner = `/* bulkhead typescript-scanner ${key} */`;
  if (existsSync(outfile) && readFileSync(outfile, 'utf8').startsWith(banner)) return;
  const contents = scannerModule(moduleBody(source), names, ts);
  await build({
    stdin: { contents, loader: 'js', sourcefile: 'typescript-scanner.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    banner: { js: banner },
    logLevel: 'warning',
    outfile,
  });
}

// `--names`: print the names the chunk exports, as JSON (test/engine/typescript-scanner-chunk.test.ts).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--names')) console.log(JSON.stringify(scannerNames()));
  else await buildTypescriptScannerChunk();
}
