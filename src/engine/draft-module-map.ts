import type { BulkheadConfig } from './config/config-types';
import { inferModuleMap } from './init/infer-module-map';
import { checkWorkspace } from './session/open-workspace';

export interface DraftModuleMap {
  /** bulkhead.json text: JSONC with the findings as comments and one module per line. */
  text: string;
  modules: number;
  notes: string[];
}

/**
 * A starting bulkhead.json for a folder (`bulkhead init`, "Bulkhead: Create bulkhead.json"):
 * modules from the folder structure, `dependsOn` from what the code imports today, so the first
 * check is clean except for cycles and internal imports.
 */
export function draftModuleMap(root: string, heading: string): DraftModuleMap {
  const observe = (config: BulkheadConfig): Map<string, string[]> => {
    const result = checkWorkspace({ root, configText: JSON.stringify(config) });
    const deps = new Map<string, string[]>();
    for (const d of result.dependencies) deps.set(d.from, [...(deps.get(d.from) ?? []), d.to].sort());
    return deps;
  };
  const { config, notes } = inferModuleMap(root, observe);
  return { text: render(config, heading, notes), modules: config.modules.length, notes };
}

function render(config: BulkheadConfig, heading: string, notes: string[]): string {
  const lines = ['{', '  "$schema": "./node_modules/bulkhead/rules/schema/bulkhead.schema.json",', `  // ${heading}`];
  for (const n of notes) lines.push(`  //   ${n}`);
  lines.push('  "modules": [');
  config.modules.forEach((m, i) => {
    const fields = Object.entries(m).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v).replace(/","/g, '", "')}`);
    lines.push(`    { ${fields.join(', ')} }${i < config.modules.length - 1 ? ',' : ''}`);
  });
  lines.push('  ],');
  lines.push(`  "rules": ${JSON.stringify(config.rules ?? {}).replace(/":/g, '": ').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`);
  lines.push('}', '');
  return lines.join('\n');
}
