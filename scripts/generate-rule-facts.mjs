// Writes every copy of the rule facts from the one table, src/engine/model/rule-table.ts:
// the rule enums and descriptions of the JSON schemas, the editor setting
// `bulkhead.severityOverrides` in package.json, and the rules tables of the docs (between
// `<!-- rules:start -->` and `<!-- rules:end -->`). JSON files are edited key by key (jsonc-parser's
// `modify`), so everything else in them stays hand-written and keeps its formatting.
//
//   node scripts/generate-rule-facts.mjs            rewrite what is out of date
//   node scripts/generate-rule-facts.mjs --check    list what is out of date, exit 1 if anything is
//   ... [--root <dir>]                              the files to write or check (default: this repo)
//
// Run by scripts/build.mjs; test/engine/rule-facts.test.ts runs the check.
import { build } from 'esbuild';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { applyEdits, findNodeAtLocation, modify, parseTree } = require('jsonc-parser');

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TABLE = path.join(REPO, 'src/engine/model/rule-table.ts');

/** Loads the table module as the engine compiles it (it has no imports, so this is one file). */
async function loadTable() {
  const out = await build({ entryPoints: [TABLE], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return { rules: mod.RULES, severities: mod.RULE_SEVERITIES, docUrl: mod.ruleDocUrl };
}

const SEVERITY_DESCRIPTIONS = { error: 'Report and fail the check.', warn: 'Report without failing the check.', off: 'Do not run the rule.' };

const full = (r) => (r.details ? `${r.description} ${r.details}` : r.description);

/** Each generated JSON value: file, key path, value. */
function jsonFacts({ rules, severities, docUrl }) {
  const ids = rules.map((r) => r.id);
  const table = ['| rule | default |', '| --- | --- |', ...rules.map((r) => `| \`${r.id}\` | \`${r.defaultSeverity}\` |`)].join('\n');
  const ruleSetting = (r) => ({
    description: `${full(r)} Default: ${r.defaultSeverity}.`,
    markdownDescription: `${full(r)}\n\nDefault: \`"${r.defaultSeverity}"\`. Rule page: [rules/docs/${r.id}.md](${docUrl(r.id)}).`,
    type: 'string',
    enum: severities,
    enumDescriptions: severities.map((s) => SEVERITY_DESCRIPTIONS[s]),
    default: r.defaultSeverity,
  });
  const idList = `A Bulkhead rule id: ${ids.join(', ')}.`;
  return [
    ['rules/schema/bulkhead.schema.json', ['properties', 'rules', 'markdownDescription'], `Severity per rule; rules left out keep their default.\n\n${table}`],
    ['rules/schema/bulkhead.schema.json', ['properties', 'rules', 'properties'], Object.fromEntries(rules.map((r) => [r.id, ruleSetting(r)]))],
    ['rules/schema/bulkhead.schema.json', ['definitions', 'ruleId', 'description'], idList],
    ['rules/schema/bulkhead.schema.json', ['definitions', 'ruleId', 'markdownDescription'], idList],
    ['rules/schema/bulkhead.schema.json', ['definitions', 'ruleId', 'enum'], ids],
    ['rules/schema/bulkhead.schema.json', ['definitions', 'ruleId', 'enumDescriptions'], rules.map((r) => `${r.description} (default: ${r.defaultSeverity})`)],
    ['rules/schema/result.schema.json', ['definitions', 'violation', 'properties', 'rule', 'enum'], ids],
    ['package.json', ['contributes', 'configuration', 'properties', 'bulkhead.severityOverrides', 'propertyNames', 'enum'], ids],
    [
      'package.json',
      ['contributes', 'configuration', 'properties', 'bulkhead.severityOverrides', 'propertyNames', 'markdownEnumDescriptions'],
      rules.map((r) => r.description),
    ],
  ];
}

/** Markdown files with a generated rules table, and where their links to rules/docs point from. */
const DOCS = ['docs/config.md', 'rules/README.md'];
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

function rulesTable(rules, doc) {
  const toDocs = path.posix.relative(path.posix.dirname(doc), 'rules/docs');
  return [
    START,
    '<!-- Generated from src/engine/model/rule-table.ts by scripts/generate-rule-facts.mjs; edit the table, not these lines. -->',
    '',
    '| rule | default | reports |',
    '| --- | --- | --- |',
    ...rules.map((r) => `| [\`${r.id}\`](${toDocs}/${r.id}.md) | \`${r.defaultSeverity}\` | ${full(r)} |`),
    '',
    END,
  ].join('\n');
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** The wanted text of every generated file, by path relative to the root. */
async function wantedFiles(root) {
  const table = await loadTable();
  const { rules } = table;
  const texts = new Map();
  const read = (file) => texts.get(file) ?? readFileSync(path.join(root, file), 'utf8');
  for (const [file, keyPath, value] of jsonFacts(table)) {
    const text = read(file);
    // The object the value goes in must already be there: a renamed or moved parent would otherwise
    // be re-created empty next to the hand-written one.
    if (findNodeAtLocation(parseTree(text), keyPath.slice(0, -1))?.type !== 'object') {
      throw new Error(`${file}: no object at ${keyPath.slice(0, -1).join('.')} for the generated ${keyPath.at(-1)}`);
    }
    texts.set(file, applyEdits(text, modify(text, keyPath, value, FORMAT)));
  }
  for (const doc of DOCS) {
    const text = read(doc);
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${doc}: no ${START} … ${END} region for the rules table`);
    texts.set(doc, text.slice(0, start) + rulesTable(rules, doc) + text.slice(end + END.length));
  }
  return texts;
}

/**
 * Writes the stale files (or with `check`, only lists them). Returns the stale files' paths
 * relative to `root`.
 */
export async function generateRuleFacts({ root = REPO, check = false } = {}) {
  const wanted = await wantedFiles(root);
  const stale = [...wanted].filter(([file, text]) => readFileSync(path.join(root, file), 'utf8') !== text);
  if (!check) {
    for (const [file, text] of stale) {
      const abs = path.join(root, file);
      // Atomic, like the engine's writes: an interrupted build leaves the old file, not half a file.
      const tmp = `${abs}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, abs);
      console.log(`generate-rule-facts: wrote ${file}`);
    }
  }
  return stale.map(([file]) => file);
}

export const STALE_HINT = 'out of date with src/engine/model/rule-table.ts; run `node scripts/generate-rule-facts.mjs` (or `npm run build`)';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const rootAt = argv.indexOf('--root');
  const check = argv.includes('--check');
  try {
    const stale = await generateRuleFacts({ root: rootAt >= 0 ? path.resolve(argv[rootAt + 1]) : REPO, check });
    if (check && stale.length > 0) {
      console.error(`${stale.join(', ')}: ${STALE_HINT}`);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`generate-rule-facts: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  }
}
