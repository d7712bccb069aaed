import { inferModuleMap, WorkspaceSession, type BulkheadConfig } from '../engine';

export interface DraftConfig {
  text: string;
  modules: number;
  notes: string[];
}

/**
 * A starting bulkhead.json for a folder, inferred like `bulkhead init` does: modules from the
 * folder structure, `dependsOn` from what the code imports today (so the first check is clean
 * except for cycles and internal imports).
 */
export function draftConfig(root: string): DraftConfig {
  const observe = (config: BulkheadConfig): Map<string, string[]> => {
    const result = new WorkspaceSession({ root, configText: JSON.stringify(config) }).check();
    const deps = new Map<string, string[]>();
    for (const d of result.dependencies) deps.set(d.from, [...(deps.get(d.from) ?? []), d.to].sort());
    return deps;
  };
  const { config, notes } = inferModuleMap(root, observe);
  return { text: render(config, notes), modules: config.modules.length, notes };
}

/** JSONC with the findings as comments and one module per line. */
function render(config: BulkheadConfig, notes: string[]): string {
  const lines = ['{', '  // Drafted by "Bulkhead: Create bulkhead.json" (the same inference as `bulkhead init`):'];
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
