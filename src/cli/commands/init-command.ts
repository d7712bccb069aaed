import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, inferModuleMap, writeFileAtomic, WorkspaceSession, type BulkheadConfig } from '../../engine';
import type { CliArgs } from '../args';
import { UsageError } from '../args';
import { EXIT_OK } from '../exit-code';
import type { Terminal } from '../terminal';

/** `bulkhead init`: infers a starting bulkhead.json, prints what it found, and the map (or writes it). */
export function initCommand(args: CliArgs, _terminal: Terminal, cwd: string): { output: string; exitCode: number; errorOutput?: string } {
  const root = path.resolve(cwd, args.path);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`No such folder: ${args.path}`);
  const target = path.join(root, CONFIG_FILE_NAME);
  if (args.write && fs.existsSync(target) && !args.force) {
    throw new UsageError(`${path.relative(cwd, target) || CONFIG_FILE_NAME} already exists; pass --force to overwrite it, or run without --write to print the inferred map.`);
  }
  const observe = (config: BulkheadConfig): Map<string, string[]> => {
    const result = new WorkspaceSession({ root, configText: JSON.stringify(config) }).check();
    const deps = new Map<string, string[]>();
    for (const d of result.dependencies) deps.set(d.from, [...(deps.get(d.from) ?? []), d.to].sort());
    return deps;
  };
  const { config, notes } = inferModuleMap(root, observe);
  const text = render(config, notes);
  const report = notes.map((n) => `bulkhead init: ${n}`).join('\n');
  if (args.write) {
    writeFileAtomic(target, text);
    return { output: `${report}\nWrote ${path.relative(cwd, target) || CONFIG_FILE_NAME} with ${config.modules.length} modules. Run "bulkhead check" next.\n`, exitCode: EXIT_OK };
  }
  return { output: text, errorOutput: `${report}\n`, exitCode: EXIT_OK };
}

/** JSONC with the findings as comments and one module per line, so the file reads like a table. */
function render(config: BulkheadConfig, notes: string[]): string {
  const lines = ['{', '  "$schema": "./node_modules/bulkhead/rules/schema/bulkhead.schema.json",'];
  lines.push('  // Inferred by `bulkhead init`:');
  for (const n of notes) lines.push(`  //   ${n}`);
  lines.push('  "modules": [');
  config.modules.forEach((m, i) => lines.push(`    ${JSON.stringify(m).replace(/":/g, '": ').replace(/,"/g, ', "').replace(/^\{/, '{ ').replace(/\}$/, ' }')}${i < config.modules.length - 1 ? ',' : ''}`));
  lines.push('  ],');
  lines.push(`  "rules": ${JSON.stringify(config.rules).replace(/":/g, '": ')}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
