import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BulkheadConfig } from './config';
import { inferModuleMap, type Observed } from './init';
import { checkWorkspace } from './session';

export interface DraftModuleMap {
  /** bulkhead.json text: JSONC with the findings as comments and one module per line. */
  text: string;
  modules: number;
  notes: string[];
  /** What the first check of this map reports, per rule (rules with findings only). */
  findings: Record<string, number>;
  /** Errors the map itself has when loaded (empty unless inference went wrong): never write it then. */
  problems: string[];
}

/** Where the schema is when the `bulkhead` package is installed next to the config. */
export const INSTALLED_SCHEMA = './node_modules/bulkhead/rules/schema/bulkhead.schema.json';

/**
 * A starting bulkhead.json for a folder (`bulkhead init`, "Bulkhead: Create bulkhead.json"):
 * modules from the repo's structure, `dependsOn` from what the code imports today. The text is
 * then loaded and checked exactly as `bulkhead check` would, for the findings count and to be
 * sure it loads.
 */
export function draftModuleMap(root: string, heading: string): DraftModuleMap {
  const observe = (config: BulkheadConfig): Observed => {
    const result = checkWorkspace({ root, configText: JSON.stringify(config) });
    const dependsOn = new Map<string, string[]>();
    const importsInto = new Map<string, number>();
    const internalInto = new Map<string, number>();
    for (const d of result.dependencies) {
      dependsOn.set(d.from, [...(dependsOn.get(d.from) ?? []), d.to].sort());
      importsInto.set(d.to, (importsInto.get(d.to) ?? 0) + d.imports);
    }
    for (const v of result.violations) {
      if (v.rule === 'internal-import' && v.targetModule) internalInto.set(v.targetModule, (internalInto.get(v.targetModule) ?? 0) + 1);
    }
    return { dependsOn, importsInto, internalInto, unresolved: result.unresolved };
  };
  const { config, notes } = inferModuleMap(root, observe);
  // The extension contributes the schema itself; point at the package's copy only where it exists.
  if (fs.existsSync(path.join(root, INSTALLED_SCHEMA))) config.$schema = INSTALLED_SCHEMA;
  const text = renderModuleMap(config, heading, notes);
  return { text, modules: config.modules.length, notes, ...firstCheckOf(root, text) };
}

/**
 * Loads `text` as `<root>/bulkhead.json` through the same loader and checks as `bulkhead check`:
 * the errors of the map itself (it must not be written with any), and the findings per rule.
 */
export function firstCheckOf(root: string, text: string): Pick<DraftModuleMap, 'findings' | 'problems'> {
  const result = checkWorkspace({ root, configText: text });
  const problems = result.diagnostics
    .filter((d) => d.severity === 'error' && d.file === result.config)
    .map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.message}`);
  const findings: Record<string, number> = {};
  for (const v of result.violations) findings[v.rule] = (findings[v.rule] ?? 0) + 1;
  return { findings, problems };
}

/** JSONC, one module or constraint per line, the notes as comments under the heading. */
export function renderModuleMap(config: BulkheadConfig, heading: string, notes: string[]): string {
  const json = (v: unknown): string => JSON.stringify(v).replace(/","/g, '", "').replace(/":/g, '": ').replace(/,"/g, ', "');
  const object = (v: object): string => json(v).replace(/^\{/, '{ ').replace(/\}$/, ' }');
  const lines = ['{'];
  if (config.$schema) lines.push(`  "$schema": ${JSON.stringify(config.$schema)},`);
  lines.push(`  // ${heading}`);
  for (const n of notes) lines.push(`  //   ${n}`);
  if (config.ignore) lines.push(`  "ignore": ${json(config.ignore)},`);
  if (config.defaults) lines.push(`  "defaults": ${object(config.defaults)},`);
  const list = (key: string, items: object[]): void => {
    lines.push(`  ${JSON.stringify(key)}: [`);
    items.forEach((item, i) => lines.push(`    ${object(item)}${i < items.length - 1 ? ',' : ''}`));
    lines.push('  ],');
  };
  list('modules', config.modules);
  if (config.constraints && config.constraints.length > 0) list('constraints', config.constraints);
  if (config.database) lines.push(`  "database": ${object(config.database)},`);
  lines.push(`  "rules": ${object(config.rules ?? {})}`);
  lines.push('}', '');
  return lines.join('\n');
}
