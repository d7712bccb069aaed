import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DatabaseConfig } from '../config';
import { expandDrivers } from '../database';
import { parentOf } from './found-module';
import { readJsonObject } from './read-json';

const PERSISTENCE = /^(infrastructure|persistence|database|db|prisma|repositories|repository|entities|entity|migrations|seeds|models|schema|schemas|orm|dal|data-access)$/;
/** Beyond this, driver imports are everywhere and an `allowedIn` list would only restate that. */
const MAX_ALLOWED_IN = 12;

export interface InferredDatabase {
  database?: DatabaseConfig;
  notes: string[];
}

/**
 * The `database` section: the drivers the workspace depends on, its Prisma schema, and where
 * drivers are imported today (as `allowedIn`, when that is a handful of persistence folders).
 */
export function inferDatabase(root: string, packageJsons: readonly string[], files: readonly string[], read: (file: string) => string | undefined): InferredDatabase {
  const known = new Set(expandDrivers(['preset:all']).drivers.filter((d) => !d.includes('*')));
  const deps = new Set<string>();
  for (const pj of ['package.json', ...packageJsons]) {
    const json = readJsonObject(path.join(root, pj));
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      const list = json?.[field];
      if (list && typeof list === 'object') for (const name of Object.keys(list)) if (known.has(name)) deps.add(name);
    }
  }
  const schemas = prismaSchemas(root, packageJsons);
  if (deps.size === 0 && schemas.length === 0) return { notes: [] };
  const drivers = [...deps].sort();
  const database: DatabaseConfig = { drivers: drivers.length > 0 ? drivers : ['preset:all'] };
  if (schemas.length > 0) database.prismaSchema = schemas.length === 1 ? schemas[0] : schemas;
  const notes = [`Database: drivers ${drivers.join(', ') || '(preset:all)'} from package.json${schemas.length > 0 ? `, Prisma schema ${schemas.join(', ')}` : ''}.`];

  const importers = files.filter((f) => importsDriver(read(f) ?? '', deps));
  const globs = compact([...new Set(importers.map(allowedGlob))]);
  if (importers.length === 0) {
    notes.push('Database: no file imports a driver yet; set "database.allowedIn" to where they may.');
  } else if (globs.length <= MAX_ALLOWED_IN) {
    database.allowedIn = globs;
    notes.push(`Database: drivers are imported in ${importers.length} file${importers.length === 1 ? '' : 's'} today; "allowedIn" lists their folders (${globs.length}), so a driver import anywhere else is reported.`);
  } else {
    notes.push(`Database: drivers are imported in ${importers.length} files across ${globs.length} folders; "allowedIn" is left out (driver imports are not checked). Set it to your persistence folders to confine them.`);
  }
  if (schemas.length > 0) notes.push('Database: Prisma models belong to no module yet; give each module its models in "tables" to check who touches them.');
  return { database, notes };
}

function prismaSchemas(root: string, packageJsons: readonly string[]): string[] {
  const bases = ['.', ...packageJsons.map(parentOf).filter((d) => d !== '.')];
  const found: string[] = [];
  for (const base of bases) {
    for (const candidate of ['prisma/schema.prisma', 'prisma/schema', 'schema.prisma']) {
      const rel = base === '.' ? candidate : `${base}/${candidate}`;
      if (fs.existsSync(path.join(root, rel))) {
        found.push(rel);
        break;
      }
    }
  }
  return found;
}

function importsDriver(text: string, drivers: Set<string>): boolean {
  const re = /(?:^|[;\n])\s*import\s+(?!type\s)[^'"]*?from\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (drivers.has(pkg)) return true;
  }
  return false;
}

/** `src/users/infrastructure/**` for a file under a persistence-named folder, else its own folder. */
function allowedGlob(file: string): string {
  const parts = parentOf(file).split('/');
  const at = parts.findIndex((p) => PERSISTENCE.test(p));
  if (at >= 0) return `${parts.slice(0, at + 1).join('/')}/**`;
  return parentOf(file) === '.' ? file : `${parentOf(file)}/*`;
}

/** `a/x/infrastructure/**` and `a/y/infrastructure/**` become `a/*\/infrastructure/**`. */
function compact(globs: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const g of globs) {
    const parts = g.split('/');
    const key = parts.length >= 4 && parts[parts.length - 1] === '**' ? [...parts.slice(0, -3), '*', ...parts.slice(-2)].join('/') : g;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  return [...groups].flatMap(([key, members]) => (members.length >= 2 ? [key] : members)).sort();
}
