import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonObject, stringList } from './read-json';
import { pathAliasTargets, publicGlobsFromAliases } from './tsconfig-paths';

export interface NxProject {
  name: string;
  folder: string;
  tags: string[];
  /** From the tsconfig path aliases that point into the project; empty when none do. */
  public: string[];
}

/** Nx projects: every folder holding scanned files (or above them) with a `project.json`. */
export function findNxProjects(root: string, folders: readonly string[]): NxProject[] {
  const aliases = pathAliasTargets(root);
  const projects: NxProject[] = [];
  for (const folder of folders) {
    const file = path.join(root, folder, 'project.json');
    if (!fs.existsSync(file)) continue;
    const json = readJsonObject(file);
    if (!json) continue;
    const name = typeof json.name === 'string' && json.name !== '' ? json.name : path.posix.basename(folder);
    projects.push({ name, folder, tags: stringList(json.tags), public: publicGlobsFromAliases(folder, aliases) });
  }
  return projects.sort((a, b) => a.folder.localeCompare(b.folder));
}

export function isNxWorkspace(root: string): boolean {
  return fs.existsSync(path.join(root, 'nx.json'));
}
