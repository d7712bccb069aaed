import type { Node } from 'jsonc-parser';
import { type InputDiagnostic, type Range, RULE_IDS, RULE_SEVERITIES } from '../model';
import type { AcceptedCycle, BulkheadConfig, CheckedConfig, DatabaseConfig, DependencyConstraint, ModuleDeclaration, ModuleDefaults, TableFunction } from './config-types';
import { checkGlobLimits } from './check-glob-limits';
import { checkIgnoreEntries } from './check-ignore-entries';
import { configDiagnostic } from './config-diagnostics';
import { jsonValue } from './json-value';

type RangeOf = (node: Node) => Range;
type FieldKind = 'string' | 'string[]' | 'string|string[]' | 'modules' | 'constraints' | 'acceptedCycles' | 'tableFunctions' | 'callName' | 'argument' | 'rules' | 'database' | 'defaults';

// Typed by the config's interfaces: a field added to config-types.ts and not here (or here and not
// there) does not compile. test/engine/config-schema.test.ts holds these lists against the JSON schema.
const TOP_LEVEL: Record<keyof BulkheadConfig, FieldKind> = {
  $schema: 'string',
  include: 'string[]',
  ignore: 'string[]',
  defaults: 'defaults',
  modules: 'modules',
  constraints: 'constraints',
  rules: 'rules',
  acceptedCycles: 'acceptedCycles',
  database: 'database',
};
const DATABASE_FIELDS: Record<keyof DatabaseConfig, FieldKind> = {
  drivers: 'string[]', allowedIn: 'string[]', prismaSchema: 'string|string[]', sharedAccess: 'string[]', tableHolders: 'string[]', tableFunctions: 'tableFunctions',
};
const TABLE_FUNCTION_FIELDS: Record<keyof TableFunction, FieldKind> = { call: 'callName', argument: 'argument' };
/** `name` or `receiver.name`: a dotted path of identifiers. */
const CALL_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const MAX_ARGUMENT = 16;
const DEFAULTS_FIELDS: Record<keyof ModuleDefaults, FieldKind> = { public: 'string[]' };
const MODULE_FIELDS: Record<keyof ModuleDeclaration, FieldKind> = {
  name: 'string',
  path: 'string|string[]',
  public: 'string[]',
  dependsOn: 'string[]',
  tags: 'string[]',
  tables: 'string[]',
};
const CONSTRAINT_FIELDS: Record<keyof DependencyConstraint, FieldKind> = { from: 'string', allow: 'string[]', deny: 'string[]', allowPackages: 'string[]', denyPackages: 'string[]' };
const ACCEPTED_CYCLE_FIELDS: Record<keyof AcceptedCycle, FieldKind> = { modules: 'string[]', reason: 'string' };
const REQUIRED = { topLevel: ['modules'], module: ['name', 'path'], constraint: ['from'], acceptedCycle: ['modules', 'reason'], tableFunction: ['call', 'argument'], database: [] as string[], defaults: [] as string[] };
const SEVERITIES: readonly string[] = RULE_SEVERITIES;

/** The fields the validator accepts, by object, for the test that compares them with the JSON schema. */
export const CONFIG_FIELDS = { topLevel: TOP_LEVEL, module: MODULE_FIELDS, constraint: CONSTRAINT_FIELDS, acceptedCycle: ACCEPTED_CYCLE_FIELDS, tableFunction: TABLE_FUNCTION_FIELDS, database: DATABASE_FIELDS, defaults: DEFAULTS_FIELDS, required: REQUIRED };

/**
 * Checks the parsed tree against the shape of `BulkheadConfig`, reporting each problem at the
 * value (or property name) it concerns. Returns a config only when the shape is sound.
 */
export function validateConfigTree(root: Node, rangeOf: RangeOf, file: string): { config?: CheckedConfig; diagnostics: InputDiagnostic[] } {
  const diagnostics: InputDiagnostic[] = [];
  const report = (node: Node, message: string): void => {
    diagnostics.push(configDiagnostic(file, rangeOf(node), 'error', 'invalid-config', message));
  };
  const headOf = (node: Node): Node => ({ ...node, length: 1 });

  const checkObject = (node: Node, fields: Record<string, FieldKind>, where: string, required: string[]): void => {
    if (node.type !== 'object') {
      report(node, `${where} must be an object.`);
      return;
    }
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      const key = String(keyNode?.value);
      seen.add(key);
      // Own keys only: `constructor` or `__proto__` would otherwise find Object.prototype's.
      const kind = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!kind) {
        report(keyNode, `Unknown property "${key}" in ${where}. Allowed: ${Object.keys(fields).join(', ')}.`);
        continue;
      }
      if (valueNode) checkValue(valueNode, kind, `"${key}"`);
    }
    for (const key of required) {
      if (!seen.has(key)) report(headOf(node), `${where} is missing the required property "${key}".`);
    }
  };

  const checkStringArray = (node: Node, where: string): void => {
    if (node.type !== 'array') {
      report(node, `${where} must be an array of strings.`);
      return;
    }
    for (const item of node.children ?? []) {
      if (item.type !== 'string') report(item, `Each entry of ${where} must be a string.`);
      else if (item.value === '') report(item, `Entries of ${where} must not be empty.`);
    }
  };

  const checkValue = (node: Node, kind: FieldKind, where: string): void => {
    switch (kind) {
      case 'string':
        if (node.type !== 'string') report(node, `${where} must be a string.`);
        else if (node.value === '') report(node, `${where} must not be empty.`);
        return;
      case 'string[]':
        checkStringArray(node, where);
        return;
      case 'string|string[]':
        if (node.type === 'string') {
          if (node.value === '') report(node, `${where} must not be empty.`);
        } else checkStringArray(node, where);
        return;
      case 'callName':
        if (node.type !== 'string' || !CALL_NAME.test(String(node.value))) report(node, `${where} must name a function as calls do: \`batchInsertSql\` or \`db.batchInsertSql\`.`);
        return;
      case 'argument':
        if (node.type !== 'number' || !Number.isInteger(node.value) || (node.value as number) < 1 || (node.value as number) > MAX_ARGUMENT) report(node, `${where} must be the position of the table-name argument, 1 for the first (at most ${MAX_ARGUMENT}).`);
        return;
      case 'modules':
      case 'constraints':
      case 'acceptedCycles':
      case 'tableFunctions': {
        if (node.type !== 'array') {
          report(node, `${where} must be an array of objects.`);
          return;
        }
        const fields = kind === 'modules' ? MODULE_FIELDS : kind === 'constraints' ? CONSTRAINT_FIELDS : kind === 'tableFunctions' ? TABLE_FUNCTION_FIELDS : ACCEPTED_CYCLE_FIELDS;
        const required = kind === 'modules' ? REQUIRED.module : kind === 'constraints' ? REQUIRED.constraint : kind === 'tableFunctions' ? REQUIRED.tableFunction : REQUIRED.acceptedCycle;
        (node.children ?? []).forEach((item, i) => checkObject(item, fields, `${where}[${i}]`, required));
        return;
      }
      case 'database':
        checkObject(node, DATABASE_FIELDS, where, REQUIRED.database);
        return;
      case 'defaults':
        checkObject(node, DEFAULTS_FIELDS, where, REQUIRED.defaults);
        return;
      case 'rules':
        if (node.type !== 'object') {
          report(node, `${where} must be an object mapping rule ids to "error", "warn" or "off".`);
          return;
        }
        for (const prop of node.children ?? []) {
          const [keyNode, valueNode] = prop.children ?? [];
          const key = String(keyNode?.value);
          if (!(RULE_IDS as readonly string[]).includes(key)) {
            report(keyNode, `Unknown rule "${key}". Known rules: ${RULE_IDS.join(', ')}.`);
          } else if (valueNode && (valueNode.type !== 'string' || !SEVERITIES.includes(String(valueNode.value)))) {
            report(valueNode, `Severity of "${key}" must be "error", "warn" or "off".`);
          }
        }
        return;
    }
  };

  checkObject(root, TOP_LEVEL, 'bulkhead.json', REQUIRED.topLevel);
  if (root.type !== 'object') return { diagnostics };
  diagnostics.push(...checkGlobLimits(root, rangeOf, file));
  diagnostics.push(...checkIgnoreEntries(root, rangeOf, file));
  return { config: keepWellFormed(jsonValue(root) as Record<string, unknown>), diagnostics };
}

/**
 * Drops the parts that failed validation so the remaining map can still be checked and every
 * other mistake reported in the same run (the run still fails on the reported errors).
 */
function keepWellFormed(raw: Record<string, unknown>): CheckedConfig {
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : undefined;
  const modules = (Array.isArray(raw.modules) ? (raw.modules as Record<string, unknown>[]) : [])
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => !!m && typeof m === 'object' && typeof m.name === 'string' && m.name !== '' && (typeof m.path === 'string' || Array.isArray(m.path)))
    .map(({ m, index }) => ({
      index,
      name: m.name as string,
      path: typeof m.path === 'string' ? m.path : strings(m.path) ?? [],
      public: strings(m.public),
      dependsOn: strings(m.dependsOn),
      tags: strings(m.tags),
      tables: strings(m.tables),
    }));
  const constraints = (Array.isArray(raw.constraints) ? (raw.constraints as Record<string, unknown>[]) : [])
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => !!c && typeof c === 'object' && typeof c.from === 'string')
    .map(({ c, index }) => ({ index, from: c.from as string, allow: strings(c.allow), deny: strings(c.deny), allowPackages: strings(c.allowPackages), denyPackages: strings(c.denyPackages) }));
  const acceptedCycles = (Array.isArray(raw.acceptedCycles) ? (raw.acceptedCycles as Record<string, unknown>[]) : [])
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => !!c && typeof c === 'object' && typeof c.reason === 'string' && c.reason !== '' && (strings(c.modules)?.length ?? 0) > 0)
    .map(({ c, index }) => ({ index, modules: strings(c.modules)!, reason: c.reason as string }));
  const rules: BulkheadConfig['rules'] = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [id, sev] of Object.entries(raw.rules)) {
      if ((RULE_IDS as readonly string[]).includes(id) && SEVERITIES.includes(sev as string)) {
        rules[id as keyof typeof rules] = sev as 'error';
      }
    }
  }
  const db = raw.database && typeof raw.database === 'object' ? (raw.database as Record<string, unknown>) : undefined;
  const database = db && {
    drivers: strings(db.drivers),
    allowedIn: strings(db.allowedIn),
    sharedAccess: strings(db.sharedAccess),
    tableHolders: strings(db.tableHolders),
    tableFunctions: Array.isArray(db.tableFunctions)
      ? (db.tableFunctions as Record<string, unknown>[]).filter((f): f is { call: string; argument: number } => !!f && typeof f === 'object' && typeof f.call === 'string' && CALL_NAME.test(f.call) && Number.isInteger(f.argument) && (f.argument as number) >= 1 && (f.argument as number) <= MAX_ARGUMENT).map((f) => ({ call: f.call, argument: f.argument }))
      : undefined,
    prismaSchema: typeof db.prismaSchema === 'string' && db.prismaSchema !== '' ? db.prismaSchema : strings(db.prismaSchema),
  };
  const defaults = raw.defaults && typeof raw.defaults === 'object' ? { public: strings((raw.defaults as Record<string, unknown>).public) } : undefined;
  return { include: strings(raw.include), ignore: strings(raw.ignore), ...(defaults ? { defaults } : {}), modules, constraints, acceptedCycles, rules, ...(database ? { database } : {}) };
}
