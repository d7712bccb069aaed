import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import type { DependencyConstraint, ModuleDeclaration } from '../../config';
import { escapeRegExp } from '../../glob';
import { findSourceFiles } from '../../discover';
import { INPUT_LIMITS, readRegularText } from '../../io';
import { foldersOf } from '../found-module';
import { ForeignConfigError, type ForeignMap } from './foreign-map';
import { lazyStaticExport } from './lazy-static-export';
import { Unreadable } from './unreadable';

type Json = Record<string, unknown>;
const CONFIG = 'sheriff.config.ts';
const ROOT_TAG = 'root';
const NO_TAG = 'noTag';

/**
 * A bulkhead.json from Sheriff's `sheriff.config.ts`, read from its syntax tree (never run):
 * `modules` paths and tags as they are (both use `<placeholder>`s), folders with a barrel file
 * as untagged modules, the rest of the project as the `root` module, the barrel as the public
 * API, and `depRules` as one `allow` constraint per tag in use (`sameTag` and tag patterns
 * are resolved against the folders that exist).
 */
export function fromSheriff(root: string): ForeignMap {
  const file = path.join(root, CONFIG);
  if (!fs.existsSync(file)) throw new ForeignConfigError(`No Sheriff config found: expected ${CONFIG} in ${root}.`);
  let text: string;
  try {
    text = readRegularText(file, INPUT_LIMITS.config);
  } catch (err) {
    throw new ForeignConfigError(`${CONFIG}: cannot be read (${(err as Error).message}).`);
  }
  const read = lazyStaticExport();
  // `export const config`, else a default export, else any exported const (`sheriffConfig`).
  const exported = read(text, CONFIG, 'config') ?? read(text, CONFIG) ?? read(text, CONFIG, '*');
  if (!exported || typeof exported !== 'object' || Array.isArray(exported) || exported instanceof Unreadable) {
    throw new ForeignConfigError(`${CONFIG}: no \`export const config = { … }\` object literal${exported instanceof Unreadable ? ` (${exported.where} is computed)` : ''}.`);
  }
  const config = exported as Json;
  const notes: string[] = [];
  const untranslated: string[] = [];
  const files = findSourceFiles(root).files;
  const folders = [...foldersOf(files)].sort();

  const barrel = typeof config.barrelFileName === 'string' ? config.barrelFileName : 'index.ts';
  const barrelLess = config.enableBarrelLess === true;
  if (barrelLess) untranslated.push(`enableBarrelLess: files in the "${typeof config.encapsulationPattern === 'string' ? config.encapsulationPattern : 'internal'}" folder of a module are private in Sheriff; here every file of a module is public`);
  if (typeof config.entryFile === 'string' || config.entryPoints !== undefined) notes.push('entryFile/entryPoints: Sheriff checks the files reachable from the entry; Bulkhead checks every file it scans.');
  if (config.excludeRoot === true) untranslated.push('excludeRoot: files outside modules are checked here as the "root" module');
  if (config.tagging !== undefined && config.modules === undefined) notes.push('"tagging" (the older name of "modules") read as "modules".');

  // Without barrel-less mode a Sheriff module is a folder with a barrel; "modules" only tags them.
  const barrels = barrelLess ? undefined : new Set(folders.filter((f) => files.includes(`${f}/${barrel}`)));
  const { declared, claimed } = firstMatchWins(flatten(config.modules ?? config.tagging, '', untranslated), folders, barrels, notes);
  const modules: ModuleDeclaration[] = declared.map((d) => ({ name: d.path, path: d.path, tags: d.tags.length > 0 ? d.tags : [NO_TAG] }));
  // Folders with a barrel that no module path tags are modules too, tagged noTag.
  const implicit = barrels ? [...barrels].filter((f) => !claimed.has(f)).sort() : [];
  for (const f of implicit) modules.push({ name: f, path: f, tags: [NO_TAG] });
  if (implicit.length > 0) notes.push(`Folders with their own ${barrel} that "modules" does not list are untagged modules, as in Sheriff: ${implicit.length} (${implicit.slice(0, 5).join(', ')}${implicit.length > 5 ? ', …' : ''}).`);
  // Sheriff's root module is every file outside the modules. A Bulkhead module root is a folder
  // or file below the workspace root, and the deepest root wins: the top-level folders and files.
  const tops = [...new Set(files.map((f) => f.split('/')[0]))].sort();
  modules.push({ name: ROOT_TAG, path: tops.length === 1 ? tops[0] : tops, public: ['**'], tags: [ROOT_TAG] });

  // Concrete tags per module today, so that patterns ("domain:*") and sameTag can be resolved.
  const concreteTags = new Set<string>([ROOT_TAG]);
  if (modules.some((m) => m.tags?.includes(NO_TAG))) concreteTags.add(NO_TAG);
  for (const d of declared) for (const tag of d.tags) for (const value of expand(tag, d.path, folders)) concreteTags.add(value);

  const constraints: DependencyConstraint[] = [];
  const depRules = config.depRules && typeof config.depRules === 'object' && !(config.depRules instanceof Unreadable) ? (config.depRules as Json) : {};
  if (config.depRules === undefined) untranslated.push('no depRules: Sheriff checks only the barrels (encapsulation)');
  for (const tag of [...concreteTags].sort()) {
    const keys = Object.keys(depRules).filter((k) => k === tag || minimatch(tag, k));
    if (keys.length === 0) {
      if (config.depRules !== undefined) constraints.push({ from: `tag:${tag}`, allow: [] });
      continue;
    }
    const allow = new Set<string>();
    for (const key of keys) {
      for (const target of Array.isArray(depRules[key]) ? (depRules[key] as unknown[]) : [depRules[key]]) {
        if (target instanceof Unreadable && target.text === 'sameTag') allow.add(`tag:${tag}`);
        else if (target instanceof Unreadable && target.text === 'noDependencies') continue;
        else if (typeof target === 'string') [...concreteTags].filter((t) => t === target || minimatch(t, target)).forEach((t) => allow.add(`tag:${t}`));
        else untranslated.push(`depRules["${key}"]: ${target instanceof Unreadable ? `${target.where} ${target.text.slice(0, 60)} (a function or computed value)` : JSON.stringify(target)}`);
      }
    }
    constraints.push({ from: `tag:${tag}`, allow: [...allow].sort() });
  }
  const resolved = [...concreteTags].filter((t) => !Object.prototype.hasOwnProperty.call(depRules, t) && Object.keys(depRules).some((k) => k !== t && minimatch(t, k)));
  if (resolved.length > 0) notes.push(`Tag patterns and sameTag were resolved against the folders of today (${resolved.join(', ')}): a new one needs its own constraint.`);
  notes.unshift(`Translated ${declared.length} module path(s) of ${CONFIG}, ${implicit.length} barrel folder(s) and the root into modules; the public API is ${barrelLess ? 'every file' : barrel}; depRules became ${constraints.length} constraints over the tags in use today.`);

  return {
    source: CONFIG,
    notes,
    untranslated: [...new Set(untranslated)],
    config: {
      defaults: { public: barrelLess ? ['**'] : [barrel] },
      modules,
      ...(constraints.length > 0 ? { constraints } : {}),
      rules: { cycle: 'off', 'unresolved-import': 'off', 'unowned-file': 'off' },
    },
  };
}

/** `modules: { 'src/app': { 'shared/<type>': ['shared'] } }` → `src/app/shared/<type>` with its tags. */
function flatten(value: unknown, prefix: string, untranslated: string[]): { path: string; tags: string[] }[] {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Unreadable) {
    if (value instanceof Unreadable) untranslated.push(`modules: ${value.where} is computed`);
    return [];
  }
  const out: { path: string; tags: string[] }[] = [];
  for (const [key, tags] of Object.entries(value as Json)) {
    const p = prefix ? `${prefix}/${key}` : key;
    if (typeof tags === 'string') out.push({ path: p, tags: [tags] });
    else if (Array.isArray(tags)) {
      const strings = tags.filter((t): t is string => typeof t === 'string');
      if (strings.length < tags.length) untranslated.push(`modules["${p}"]: computed tags`);
      out.push({ path: p, tags: strings });
    } else out.push(...flatten(tags, p, untranslated));
  }
  return out.map((m) => ({ ...m, path: m.path.replace(/\/+$/, '') }));
}

/** The values a tag with placeholders takes for the folders matching the module path today. */
function expand(tag: string, modulePath: string, folders: string[]): string[] {
  if (!tag.includes('<')) return [tag];
  const values = new Set<string>();
  for (const folder of folders) {
    const m = placeholderValues(modulePath, folder);
    if (m) values.add(tag.replace(/<([^>]+)>/g, (whole, name: string) => m[name] ?? whole));
  }
  return [...values];
}

/**
 * Sheriff gives a folder to the first module path that matches it (`shared/<type>` before
 * `<domain>/<type>`), and without barrel-less mode only a folder with a barrel is a module;
 * Bulkhead allows one declaration per folder and makes every matching folder a module. A path
 * that overlaps an earlier one, or matches folders without a barrel, is therefore replaced by
 * the barrel folders it alone matches today, tags filled in.
 */
function firstMatchWins(
  declared: { path: string; tags: string[] }[],
  folders: string[],
  barrels: Set<string> | undefined,
  notes: string[],
): { declared: { path: string; tags: string[] }[]; claimed: Set<string> } {
  const out: { path: string; tags: string[] }[] = [];
  const claimed = new Set<string>();
  for (const d of declared) {
    const matches = folders.map((f) => ({ folder: f, values: placeholderValues(d.path, f) })).filter((m) => m.values !== undefined && !claimed.has(m.folder));
    // Bulkhead's placeholders match any folder name: the path stays generic only when that
    // makes the same modules.
    const overlaps = folders.filter((f) => claimed.has(f) && placeholderValues(d.path, f, true));
    const broad = folders.filter((f) => !claimed.has(f) && placeholderValues(d.path, f, true));
    const own = barrels ? matches.filter((m) => barrels.has(m.folder)) : matches;
    if (overlaps.length === 0 && own.length === matches.length && broad.length === matches.length) out.push(d);
    else {
      out.push(...own.map((m) => ({ path: m.folder, tags: d.tags.map((t) => t.replace(/<([^>]+)>/g, (whole, name: string) => m.values![name] ?? whole)) })));
      const why = overlaps.length > 0 ? `also matches folders of earlier module paths (${overlaps.slice(0, 3).join(', ')}${overlaps.length > 3 ? ', …' : ''}), which Sheriff gives to the first` : 'matches folders without a barrel file, or names Sheriff\'s placeholders do not match, which are no modules in Sheriff';
      notes.push(`"${d.path}" ${why}; it became the ${own.length} folder(s) with a barrel it alone matches today.`);
    }
    own.forEach((m) => claimed.add(m.folder));
    if (!barrels) matches.forEach((m) => claimed.add(m.folder));
  }
  return { declared: out, claimed };
}

/**
 * The placeholder values of a module path for a folder, or undefined when it does not match. As
 * in Sheriff, a placeholder matches letters, `-` and `_` only (`+state` is no `<type>`).
 */
function placeholderValues(modulePath: string, folder: string, anyName = false): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = new RegExp(`^${modulePath.split(/(<[^>]+>)/).map((part) => (/^<[^>]+>$/.test(part) ? (names.push(part.slice(1, -1)), anyName ? '([^/]+)' : '([a-zA-Z_-]+)') : escapeRegExp(part))).join('')}$`);
  const m = pattern.exec(folder);
  if (!m) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, m[i + 1]]));
}
