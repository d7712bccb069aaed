import { INPUT_LIMITS, readRegularText } from '../io';
import * as path from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import type { DependencyConstraint } from '../config';
import { readJsonObject } from './read-json';

const RULE_NAMES = ['@nx/enforce-module-boundaries', '@nrwl/nx/enforce-module-boundaries'];
const JSON_CONFIGS = ['.eslintrc.json', '.eslintrc'];
const FLAT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs'];

interface NxDepConstraint {
  sourceTag?: unknown;
  onlyDependOnLibsWithTags?: unknown;
  notDependOnLibsWithTags?: unknown;
}

export interface ImportedConstraints {
  constraints: DependencyConstraint[];
  /** Where they came from, or why they could not be read. */
  note?: string;
}

/**
 * The `depConstraints` of `@nx/enforce-module-boundaries` in the root ESLint config, as Bulkhead
 * constraints. JSON configs are parsed; a flat `eslint.config.*` is never executed: the
 * `depConstraints` array is read only when it is a plain literal.
 */
export function importNxDepConstraints(root: string): ImportedConstraints {
  for (const name of JSON_CONFIGS) {
    const json = readJsonObject(path.join(root, name));
    if (!json) continue;
    const found = fromEslintrc(json);
    if (found) return convert(found, name);
  }
  for (const name of FLAT_CONFIGS) {
    let text: string;
    try {
      text = readRegularText(path.join(root, name), INPUT_LIMITS.config);
    } catch {
      continue;
    }
    if (!RULE_NAMES.some((r) => text.includes(r))) continue;
    const literal = depConstraintsLiteral(text);
    const value = literal === undefined ? undefined : parseJsLiteral(literal);
    if (!Array.isArray(value)) return { constraints: [], note: `${name}: the depConstraints of enforce-module-boundaries are not a plain literal; copy them into "constraints" by hand.` };
    return convert(value as NxDepConstraint[], name);
  }
  return { constraints: [] };
}

function fromEslintrc(json: Record<string, unknown>): NxDepConstraint[] | undefined {
  const blocks = [json, ...(Array.isArray(json.overrides) ? (json.overrides as Record<string, unknown>[]) : [])];
  for (const block of blocks) {
    const rules = block?.rules as Record<string, unknown> | undefined;
    for (const ruleName of RULE_NAMES) {
      const setting = rules?.[ruleName];
      const options = Array.isArray(setting) ? (setting[1] as Record<string, unknown> | undefined) : undefined;
      if (Array.isArray(options?.depConstraints)) return options.depConstraints as NxDepConstraint[];
    }
  }
  return undefined;
}

function convert(raw: NxDepConstraint[], source: string): ImportedConstraints {
  const constraints: DependencyConstraint[] = [];
  let skipped = 0;
  const selector = (tag: unknown): string | undefined => (typeof tag !== 'string' || tag.startsWith('/') ? undefined : tag === '*' ? '*' : `tag:${tag}`);
  for (const c of raw) {
    const from = selector(c?.sourceTag);
    const allow = Array.isArray(c?.onlyDependOnLibsWithTags) ? c.onlyDependOnLibsWithTags.map(selector) : undefined;
    const deny = Array.isArray(c?.notDependOnLibsWithTags) ? c.notDependOnLibsWithTags.map(selector) : undefined;
    if (!from || allow?.includes(undefined) || deny?.includes(undefined)) {
      skipped++;
      continue;
    }
    const constraint: DependencyConstraint = { from };
    if (allow && !allow.includes('*')) constraint.allow = allow as string[];
    if (deny && deny.length > 0) constraint.deny = deny as string[];
    if (constraint.allow || constraint.deny) constraints.push(constraint);
  }
  const kept = `${constraints.length} of ${raw.length} depConstraints`;
  const why = skipped > 0 ? ` (${skipped} use regex tags or other shapes; translate them by hand)` : raw.length > constraints.length ? ' (the others allow everything)' : '';
  return { constraints, note: `Constraints: ${kept} of @nx/enforce-module-boundaries in ${source}${why}.` };
}

/** The text of the `[...]` after `depConstraints:` that follows the rule name, brackets balanced. */
function depConstraintsLiteral(text: string): string | undefined {
  const rule = Math.max(...RULE_NAMES.map((r) => text.indexOf(r)));
  const key = /depConstraints["']?\s*:\s*\[/g;
  key.lastIndex = rule;
  const m = key.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].length - 1;
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/** A JS array/object literal of strings, as JSON: unquoted keys and single quotes are accepted. */
function parseJsLiteral(literal: string): unknown {
  if (literal.includes('`') || /\.\.\./.test(literal)) return undefined;
  const json = literal
    .replace(/'((?:[^'\\\n]|\\.)*)'/g, (_, body: string) => JSON.stringify(body.replace(/\\'/g, "'")))
    .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":');
  const errors: ParseError[] = [];
  const value: unknown = parse(json, errors, { allowTrailingComma: true });
  return errors.length === 0 ? value : undefined;
}
