import * as fs from 'node:fs';
import * as path from 'node:path';
import { INPUT_LIMITS, readRegularText } from '../../io';
import { ForeignConfigError } from './foreign-map';
import { readConfigJson } from './read-config-json';
import { lazyStaticExport } from './lazy-static-export';
import { Unreadable } from './unreadable';

const JSON_CONFIGS = ['.eslintrc.json', '.eslintrc'];
const FLAT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

export interface EslintConfig {
  file: string;
  /** `settings` of every config object, merged in order (later objects win, as in ESLint). */
  settings: Record<string, unknown>;
  /** `rules` likewise. */
  rules: Record<string, unknown>;
  /** Shareable configs an `.eslintrc` extends (`plugin:boundaries/recommended`). */
  extends: string[];
  /** Parts of a flat config that are computed and were therefore not read. */
  unreadable: Unreadable[];
}

/**
 * The root ESLint config's settings and rules: an `.eslintrc.json`/`.eslintrc` (with its
 * `overrides`), or a flat `eslint.config.*` read from its syntax tree, never executed, as the
 * Nx constraints of plain `init` are.
 */
export function readEslintConfig(root: string): EslintConfig {
  for (const name of JSON_CONFIGS) {
    const file = path.join(root, name);
    if (!fs.existsSync(file)) continue;
    const json = readConfigJson(root, file);
    const blocks = [json, ...(Array.isArray(json.overrides) ? (json.overrides as unknown[]) : [])];
    return { file: name, ...merge(blocks), unreadable: [] };
  }
  for (const name of FLAT_CONFIGS) {
    const file = path.join(root, name);
    if (!fs.existsSync(file)) continue;
    let text: string;
    try {
      text = readRegularText(file, INPUT_LIMITS.config);
    } catch (err) {
      throw new ForeignConfigError(`${name}: cannot be read (${(err as Error).message}).`);
    }
    const exported = lazyStaticExport()(text, name);
    const items = Array.isArray(exported) ? exported : [exported];
    const unreadable = items.filter((i): i is Unreadable => i instanceof Unreadable);
    return { file: name, ...merge(items), unreadable };
  }
  throw new ForeignConfigError(`No ESLint config found: expected ${[...JSON_CONFIGS, ...FLAT_CONFIGS].join(', ')} in ${root}.`);
}

function merge(blocks: unknown[]): { settings: Record<string, unknown>; rules: Record<string, unknown>; extends: string[] } {
  const settings: Record<string, unknown> = {};
  const rules: Record<string, unknown> = {};
  const extended: string[] = [];
  for (const block of blocks) {
    if (!block || typeof block !== 'object' || Array.isArray(block) || block instanceof Unreadable) continue;
    const b = block as Record<string, unknown>;
    if (b.settings && typeof b.settings === 'object') Object.assign(settings, b.settings);
    if (b.rules && typeof b.rules === 'object') Object.assign(rules, b.rules);
    for (const e of Array.isArray(b.extends) ? b.extends : [b.extends]) if (typeof e === 'string') extended.push(e);
  }
  return { settings, rules, extends: extended };
}
