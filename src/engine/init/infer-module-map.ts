import * as path from 'node:path';
import type { BulkheadConfig, ModuleDeclaration } from '../config/config-types';
import { findSourceFiles } from '../discover/find-source-files';
import { findModuleFolders } from './module-folders';

export interface InferredMap {
  config: BulkheadConfig;
  /** What was found, in sentences for the user. */
  notes: string[];
}

/** What the workspace's own imports say each inferred module depends on. */
export type ObservedDependencies = (config: BulkheadConfig) => Map<string, string[]>;

/**
 * A starting module map from the folder structure (workspace packages, NestJS modules,
 * src/modules/*-style containers, DDD bounded contexts, a shared kernel), with `dependsOn` set
 * to what the code imports today so the first check is clean except for cycles and internals.
 */
export function inferModuleMap(root: string, observe: ObservedDependencies): InferredMap {
  const discovery = findSourceFiles(root);
  const { folders, notes } = findModuleFolders(discovery.files, discovery.packageJsons.map((p) => path.posix.dirname(p)).filter((d) => d !== '.'), root);
  const names = uniqueNames(folders.map((f) => f.folder));
  const modules: ModuleDeclaration[] = folders.map((f, i) => ({ name: f.name ?? names[i], path: f.folder, dependsOn: ['*'] }));
  const config: BulkheadConfig = { modules, rules: { 'unowned-file': 'warn' } };
  if (modules.length === 0) {
    notes.push('No module folders found; add modules to bulkhead.json by hand (see docs/config.md).');
    return { config, notes };
  }
  const observed = observe(config);
  for (const m of modules) m.dependsOn = observed.get(m.name) ?? [];
  const cyclic = modules.flatMap((a) => (a.dependsOn ?? []).filter((b) => observed.get(b)?.includes(a.name) && a.name < b).map((b) => `${a.name} ↔ ${b}`));
  if (cyclic.length > 0) notes.push(`Modules that import each other today (cycles to break): ${cyclic.join(', ')}.`);
  notes.push(`dependsOn lists what each module imports today (${modules.reduce((n, m) => n + (m.dependsOn?.length ?? 0), 0)} dependencies); tighten it to what the architecture should allow.`);
  return { config, notes };
}

/** Folder names, made unique by prefixing parent folders where two modules share a name. */
function uniqueNames(folders: string[]): string[] {
  const names = folders.map((f) => path.posix.basename(f));
  return names.map((name, i) => (names.filter((n) => n === name).length > 1 ? folders[i].split('/').slice(-2).join('/') : name));
}
