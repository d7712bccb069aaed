import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse, type ParseError } from 'jsonc-parser';
import { parseConfigText } from '../../src/engine/config/load-config';
import { CONFIG_FIELDS } from '../../src/engine/config/validate-config';
import { PRESET_NAMES } from '../../src/engine/database/driver-presets';
import { draftModuleMap } from '../../src/engine';
import { REPO_ROOT } from '../support/fixtures';

const SCHEMA_FILE = path.join(REPO_ROOT, 'rules/schema/bulkhead.schema.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, any>;

/**
 * The configs that are wrong on purpose, each with what is wrong. Every other bulkhead.json in the
 * repository must validate; these must not (so the list cannot go stale).
 */
const INVALID_ON_PURPOSE: Record<string, string> = {
  'test/fixtures/config-errors/bulkhead.json': 'dependsOn given as a string, an unknown module field',
  'test/fixtures/config-syntax-error/bulkhead.json': 'not JSON',
  'test/fixtures/db-config-errors/bulkhead.json': 'tables and allowedIn given as strings, an unknown database field',
};

/** Editor-only keywords VS Code reads from the schema; registered so Ajv's strict mode catches typos in the rest. */
const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'allowComments', 'allowTrailingCommas', 'defaultSnippets'];

function compileSchema(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  return ajv.compile(schema);
}

function configFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...configFiles(rel));
    else if (entry.isFile() && entry.name === 'bulkhead.json') found.push(rel);
  }
  return found;
}

function parseJsonc(text: string): { value: unknown; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  return { value, errors };
}

describe('config: bulkhead.json files against the JSON schema', () => {
  const validate = compileSchema();
  const files = ['bulkhead.json', ...configFiles('examples'), ...configFiles('test/fixtures')];

  it('finds the configs it checks (the repository, the examples and the fixtures)', () => {
    assert.ok(files.includes('examples/shop/bulkhead.json'));
    assert.ok(files.includes('test/fixtures/vscode-multi/ledger/bulkhead.json'));
    assert.ok(files.length >= 25, `${files.length} configs`);
    for (const file of Object.keys(INVALID_ON_PURPOSE)) assert.ok(files.includes(file), `${file} is listed as invalid but does not exist`);
  });

  for (const file of files.filter((f) => !(f in INVALID_ON_PURPOSE))) {
    it(`${file} is valid for the schema and for the engine`, () => {
      const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
      const { value, errors } = parseJsonc(text);
      assert.deepEqual(errors, []);
      assert.ok(validate(value), JSON.stringify(validate.errors, null, 2));
      const engine = parseConfigText(text, file);
      assert.deepEqual(engine.diagnostics.filter((d) => d.severity === 'error'), []);
    });
  }

  for (const [file, why] of Object.entries(INVALID_ON_PURPOSE)) {
    it(`${file} is rejected by the schema and by the engine (${why})`, () => {
      const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
      const { value, errors } = parseJsonc(text);
      assert.ok(errors.length > 0 || !validate(value), 'the schema accepts it');
      assert.ok(parseConfigText(text, file).diagnostics.some((d) => d.severity === 'error'), 'the engine accepts it');
    });
  }

  it('what `bulkhead init` drafts is valid', () => {
    const draft = draftModuleMap(path.join(REPO_ROOT, 'examples/shop'), 'test');
    const { value, errors } = parseJsonc(draft.text);
    assert.deepEqual(errors, []);
    assert.ok(validate(value), JSON.stringify(validate.errors, null, 2));
  });

  it('every driver preset (rules/presets/*.json) is a valid `database.drivers` list and the schema names each preset', () => {
    const presetFiles = fs.readdirSync(path.join(REPO_ROOT, 'rules/presets')).filter((f) => f.endsWith('.json'));
    assert.deepEqual(presetFiles.map((f) => f.replace(/\.json$/, '')).sort(), PRESET_NAMES);
    for (const file of presetFiles) {
      const preset = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'rules/presets', file), 'utf8')) as { drivers: string[]; presets?: string[] };
      const drivers = [...preset.drivers, ...(preset.presets ?? []).map((p) => `preset:${p}`)];
      const config = { modules: [{ name: 'db', path: 'src/db' }], database: { drivers } };
      assert.ok(validate(config), `${file}: ${JSON.stringify(validate.errors)}`);
    }
    const named = schema.properties.database.properties.drivers.items.examples.filter((e: string) => e.startsWith('preset:'));
    assert.deepEqual(named.map((e: string) => e.slice('preset:'.length)).sort(), PRESET_NAMES);
  });
});

/** The validator's field kinds in JSON-schema terms. */
function schemaKind(property: Record<string, any>): string {
  if (property.$ref) return `ref:${property.$ref.replace('#/definitions/', '')}`;
  if (property.oneOf) return property.oneOf.map(schemaKind).sort().join('|');
  if (property.type === 'array') return property.items?.$ref ? `array:${property.items.$ref.replace('#/definitions/', '')}` : `${property.items.type}[]`;
  return property.type;
}
const VALIDATOR_KIND_IN_SCHEMA: Record<string, string> = {
  string: 'string',
  'string[]': 'string[]',
  'string|string[]': 'string|string[]',
  modules: 'array:moduleDeclaration',
  constraints: 'array:dependencyConstraint',
  acceptedCycles: 'array:acceptedCycle',
  tableFunctions: 'array:tableFunction',
  callName: 'string',
  argument: 'integer',
};
/** Every other validator kind (`rules`, `database`, …) is an object of its own fields. */
const schemaKindOf = (kind: string): string => VALIDATOR_KIND_IN_SCHEMA[kind] ?? 'object';

describe('config: the validator (validate-config.ts) and the JSON schema describe the same fields', () => {
  const objects: [string, 'topLevel' | 'module' | 'constraint' | 'acceptedCycle' | 'tableFunction' | 'database' | 'defaults', Record<string, any>][] = [
    ['top level', 'topLevel', schema],
    ['modules[]', 'module', schema.definitions.moduleDeclaration],
    ['constraints[]', 'constraint', schema.definitions.dependencyConstraint],
    ['acceptedCycles[]', 'acceptedCycle', schema.definitions.acceptedCycle],
    ['database.tableFunctions[]', 'tableFunction', schema.definitions.tableFunction],
    ['database', 'database', schema.properties.database],
    ['defaults', 'defaults', schema.properties.defaults],
  ];
  for (const [where, key, object] of objects) {
    const fields: Record<string, string> = CONFIG_FIELDS[key];
    it(`${where}: the same fields, of the same kinds, the same required ones, nothing else allowed`, () => {
      const kinds = Object.fromEntries(Object.entries(object.properties as Record<string, any>).map(([k, p]) => [k, schemaKind(p)]));
      const expected = Object.fromEntries(Object.entries(fields).map(([k, kind]) => [k, schemaKindOf(kind)]));
      assert.deepEqual(kinds, expected);
      assert.equal(object.additionalProperties, false, 'the schema rejects unknown fields like the validator');
      assert.deepEqual([...(object.required ?? [])].sort(), [...CONFIG_FIELDS.required[key]].sort());
    });
  }

  it('the same unknown field is an error for both', () => {
    const validate = compileSchema();
    const text = '{ "modules": [{ "name": "a", "path": "a", "visibility": "internal" }], "rulez": {} }';
    assert.equal(validate(parse(text)), false);
    const messages = parseConfigText(text, 'bulkhead.json').diagnostics.map((d) => d.message);
    assert.ok(messages.some((m) => m.includes('"visibility"')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('"rulez"')), messages.join('\n'));
  });
});
