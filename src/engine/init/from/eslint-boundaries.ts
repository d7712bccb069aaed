import { minimatch } from 'minimatch';
import type { DependencyConstraint, ModuleDeclaration, RuleSeverity } from '../../config';
import { findSourceFiles } from '../../discover';
import { foldersOf } from '../found-module';
import { readEslintConfig } from './eslint-config-objects';
import { ForeignConfigError, type ForeignMap } from './foreign-map';
import { eslintSeverity } from './eslint-severity';
import { strictest, type Severities } from './severities';
import { Unreadable } from './unreadable';

type Json = Record<string, unknown>;

/** One Bulkhead declaration per element type and capture list: `helpers/<family>`. */
interface Element {
  type: string;
  captures: string[];
  paths: string[];
  name: string;
}

/** Rules of the plugin that have no Bulkhead equivalent, with why. */
const OTHER_RULES: Record<string, string> = {
  'boundaries/no-private': 'private child elements (Bulkhead: the deepest module root owns a file; a parent cannot hide its children)',
  'boundaries/no-unknown': 'imports of files that belong to no element (Bulkhead: "unowned-file" reports such files, not imports of them)',
  'boundaries/no-unknown-files': 'files that belong to no element (closest: the "unowned-file" rule, left off)',
  'boundaries/no-ignored': 'imports of ignored files',
};

/**
 * A bulkhead.json from eslint-plugin-boundaries: each element descriptor becomes a module whose
 * name is its type plus its captures (`helpers/<family>`) and whose tag is its type;
 * `element-types` becomes `dependsOn` (default disallow) or `deny` constraints (default allow),
 * `entry-point` becomes `public`, `external` becomes `allowPackages`/`denyPackages`.
 */
export function fromEslintBoundaries(root: string): ForeignMap {
  const eslint = readEslintConfig(root);
  const notes: string[] = [];
  const untranslated: string[] = eslint.unreadable.filter((u) => !/boundaries\.configs\.(recommended|strict)/.test(u.text)).map((u) => `${u.where}: ${abbreviate(u.text)} is computed; it was not executed, so any boundaries settings in it are missing`);
  const rawElements = eslint.settings['boundaries/elements'];
  if (!Array.isArray(rawElements)) throw new ForeignConfigError(`${eslint.file}: no settings["boundaries/elements"] list${rawElements instanceof Unreadable ? ` that can be read without running it (${rawElements.where})` : ''}.`);
  const folders = [...foldersOf(findSourceFiles(root).files)];
  const elements = readElements(rawElements as unknown[], folders, untranslated);
  const severities: Severities = {};
  const config = { modules: [] as ModuleDeclaration[], constraints: [] as DependencyConstraint[] };
  const types = [...new Set(elements.map((e) => e.type))];
  const dependsOn = new Map<Element, Set<string>>();

  // The plugin's presets, under the rules the config sets itself.
  const preset = presetOf(eslint);
  if (preset) notes.push(`The rules of the plugin's "${preset}" config apply under the ones set here.`);
  const rules = { ...(preset ? PRESETS[preset] : {}), ...eslint.rules };
  // v6 calls element-types "dependencies"; both take the same options.
  const elementTypes = ruleOptions(rules['boundaries/element-types'] ?? rules['boundaries/dependencies']);
  if (elementTypes) {
    strictest(severities, 'undeclared-dependency', elementTypes.severity);
    const defaultAllow = elementTypes.options.default === 'allow';
    let disallowSeen = false;
    for (const [i, rule] of listOf(elementTypes.options.rules).entries()) {
      const r = rule as Json;
      const where = `boundaries/element-types rules[${i}]`;
      if (r.importKind !== undefined) untranslated.push(`${where}: importKind ${JSON.stringify(r.importKind)} (Bulkhead checks type and value imports alike)`);
      const from = elementsSelected(r.from, elements, types, undefined);
      if (from.some((f) => f.filtered)) {
        untranslated.push(`${where}: "from" selects by captured values; only whole element types can be translated`);
        continue;
      }
      for (const key of ['allow', 'disallow'] as const) {
        if (r[key] === undefined) continue;
        for (const f of from) {
          const targets = selectors(r[key], elements, types, f.element);
          if (!targets) {
            untranslated.push(`${where}: ${key} ${abbreviate(JSON.stringify(r[key]))}`);
            continue;
          }
          if (key === 'allow') {
            if (disallowSeen && !defaultAllow) notes.push(`${where}: an allow after a disallow does not re-allow in Bulkhead (a deny always wins).`);
            const set = dependsOn.get(f.element) ?? new Set<string>();
            // Imports inside one module are always allowed: `modules/<domain>` for its own domain says nothing.
            targets.filter((t) => t !== f.element.name).forEach((t) => set.add(t));
            dependsOn.set(f.element, set);
          } else {
            disallowSeen = true;
            const withPlaceholders = targets.filter((t) => t.includes('<'));
            if (withPlaceholders.length > 0) untranslated.push(`${where}: disallow ${withPlaceholders.join(', ')} compares captured values, which constraints cannot`);
            const deny = targets.filter((t) => !t.includes('<'));
            if (deny.length > 0) config.constraints.push({ from: f.element.name.includes('<') ? f.element.name.replace(/<[^>]+>/g, '*') : f.element.name, deny });
          }
        }
      }
      if (r.message !== undefined) notes.push(`${where}: its custom message is not kept.`);
    }
    if (defaultAllow) notes.push('element-types default "allow": every module may import every other one except what the rules disallow (deny constraints).');
    for (const e of elements) {
      const declared = defaultAllow ? ['*'] : [...(dependsOn.get(e) ?? [])].sort();
      config.modules.push(declaration(e, declared));
    }
  } else {
    notes.push('No boundaries/element-types rule: every module may import every other one.');
    for (const e of elements) config.modules.push(declaration(e, ['*']));
  }

  const publicOf = entryPoints(rules['boundaries/entry-point'], elements, types, severities, untranslated);
  for (const m of config.modules) {
    const globs = publicOf.get(m.name);
    if (globs) m.public = globs;
  }
  externals(rules['boundaries/external'], elements, types, severities, config.constraints, untranslated);
  for (const [rule, why] of Object.entries(OTHER_RULES)) if (ruleOptions(rules[rule], false)) untranslated.push(`${rule}: ${why}`);
  for (const key of ['boundaries/include', 'boundaries/ignore']) if (eslint.settings[key] !== undefined) notes.push(`settings["${key}"] ${abbreviate(JSON.stringify(eslint.settings[key]))} is not translated; adjust "include"/"ignore" if it matters.`);
  notes.unshift(`Translated ${elements.length} element descriptor groups into modules (name: type plus captures; tag: the type); every file of a module is public unless boundaries/entry-point says otherwise.`);

  return {
    source: eslint.file,
    notes,
    untranslated,
    config: {
      defaults: { public: ['**'] },
      modules: config.modules,
      ...(config.constraints.length > 0 ? { constraints: config.constraints } : {}),
      rules: {
        'undeclared-dependency': severities['undeclared-dependency'] ?? 'off',
        'internal-import': severities['internal-import'] ?? 'off',
        'package-import': severities['package-import'] ?? 'off',
        cycle: 'off',
        'unresolved-import': 'off',
        'unowned-file': 'off',
      },
    },
  };
}

const RECOMMENDED: Record<string, unknown> = { 'boundaries/element-types': [2], 'boundaries/entry-point': [2], 'boundaries/external': [2] };
const PRESETS: Record<'recommended' | 'strict', Record<string, unknown>> = {
  recommended: RECOMMENDED,
  strict: { ...RECOMMENDED, 'boundaries/no-private': 2, 'boundaries/no-unknown': 2, 'boundaries/no-unknown-files': 2, 'boundaries/no-ignored': 2 },
};

/** `extends: "plugin:boundaries/strict"`, or `...boundaries.configs.recommended` in a flat config. */
function presetOf(eslint: { extends: string[]; unreadable: Unreadable[] }): 'recommended' | 'strict' | undefined {
  const named = [...eslint.extends, ...eslint.unreadable.map((u) => u.text)].filter((e) => /boundaries/.test(e));
  if (named.some((e) => /strict/.test(e))) return 'strict';
  if (named.some((e) => /recommended/.test(e))) return 'recommended';
  return undefined;
}

function declaration(e: Element, dependsOn: string[]): ModuleDeclaration {
  return { name: e.name, path: e.paths.length === 1 ? e.paths[0] : e.paths, tags: [e.type], dependsOn };
}

/**
 * Element descriptors as module globs. The plugin matches a folder pattern against the end of a
 * folder's path (`components/*` matches `src/components/button`); Bulkhead globs start at the
 * root, so each pattern is anchored at the prefixes under which it matches existing folders.
 */
function readElements(raw: unknown[], folders: string[], untranslated: string[]): Element[] {
  const byKey = new Map<string, Element>();
  raw.forEach((d, i) => {
    const e = (d ?? {}) as Json;
    const type = typeof e.type === 'string' ? e.type : undefined;
    const where = `settings["boundaries/elements"][${i}]${type ? ` (${type})` : ''}`;
    const mode = e.mode ?? 'folder';
    let patterns = typeof e.pattern === 'string' ? [e.pattern] : Array.isArray(e.pattern) ? e.pattern.filter((p): p is string => typeof p === 'string') : [];
    if (!type || patterns.length === 0) return void untranslated.push(`${where}: no type or pattern`);
    if (e.basePattern !== undefined || e.baseCapture !== undefined) return void untranslated.push(`${where}: basePattern/baseCapture`);
    if (mode !== 'folder' && mode !== 'full') return void untranslated.push(`${where}: mode "${String(mode)}" (elements made of single files)`);
    const captures = Array.isArray(e.capture) ? e.capture.filter((c): c is string => typeof c === 'string') : [];
    const paths: string[] = [];
    // `src/(components|lib)/**`, `src/app/**/*`: every file below one folder is one element, as a
    // Bulkhead module is; alternatives are one folder each.
    patterns = patterns.flatMap(alternatives).map((p) => p.replace(/\/\*\*(\/\*(\.\w+)?)?$/, ''));
    for (const pattern of patterns) {
      if (pattern.includes('**') || /[?[{!]/.test(pattern)) return void untranslated.push(`${where}: pattern "${pattern}" (only "*" wildcards over whole folder names translate)`);
      const wildcards = pattern.split('/').filter((s) => s.includes('*')).length;
      let c = 0;
      const glob = pattern
        .split('/')
        .map((s) => (s.includes('*') ? s.replace('*', `<${captures[c++] ?? `${type}${wildcards > 1 ? c : ''}`}>`) : s))
        .join('/');
      if (mode === 'full') paths.push(glob);
      else paths.push(...anchor(pattern, glob, folders));
    }
    if (paths.length === 0) return void untranslated.push(`${where}: pattern ${JSON.stringify(e.pattern)} matches no folder of this workspace`);
    const usedCaptures = captures.slice(0, patterns[0].split('*').length - 1);
    const key = `${type}\0${usedCaptures.join('\0')}`;
    const existing = byKey.get(key);
    if (existing) existing.paths.push(...paths.filter((p) => !existing.paths.includes(p)));
    else byKey.set(key, { type, captures: usedCaptures, paths: [...new Set(paths)], name: [type, ...usedCaptures.map((c) => `<${c}>`)].join('/') });
  });
  // A type without captures but with wildcards still gives one module per folder: name it by them.
  for (const e of byKey.values()) {
    const placeholders = [...new Set(e.paths.flatMap((p) => p.match(/<[^>]+>/g) ?? []))].filter((p) => !e.captures.includes(p.slice(1, -1)));
    if (placeholders.length > 0) e.name = [e.name, ...placeholders].join('/');
  }
  return [...byKey.values()];
}

/** `a/(b|c)/d` and `a/{b,c}/d` as `a/b/d`, `a/c/d` (the first group; nested ones stay). */
function alternatives(pattern: string): string[] {
  const m = /\(([\w.-]+(?:\|[\w.-]+)+)\)|\{([\w.-]+(?:,[\w.-]+)+)\}/.exec(pattern);
  if (!m) return [pattern];
  const options = (m[1] ?? m[2]).split(/[|,]/);
  return options.flatMap((o) => alternatives(pattern.slice(0, m.index) + o + pattern.slice(m.index + m[0].length)));
}

function anchor(pattern: string, glob: string, folders: string[]): string[] {
  const n = pattern.split('/').length;
  const prefixes = new Set<string>();
  for (const folder of folders) {
    const segments = folder.split('/');
    if (segments.length < n) continue;
    if (minimatch(segments.slice(-n).join('/'), pattern, { dot: false })) prefixes.add(segments.slice(0, -n).join('/'));
  }
  return [...prefixes].sort().map((p) => (p === '' ? glob : `${p}/${glob}`));
}

interface Selected {
  element: Element;
  /** The selector also filters by captured values. */
  filtered: boolean;
}

/** The elements an element selector (`"helpers"`, `["helpers", { family: "a" }]`, a list of them) names. */
function elementsSelected(raw: unknown, elements: Element[], types: string[], _from: Element | undefined): Selected[] {
  const out: Selected[] = [];
  for (const item of selectorList(raw)) {
    const [typePattern, captured] = normalized(item) ?? [undefined, undefined];
    if (typeof typePattern !== 'string') continue;
    const matching = types.filter((t) => minimatch(t, typePattern));
    for (const e of elements) if (matching.includes(e.type)) out.push({ element: e, filtered: captured !== undefined && Object.keys(captured as Json).length > 0 });
  }
  return out;
}

/**
 * Module selectors for an allow/disallow list: a whole type is its tag, a type with captured
 * values names its modules (`helpers/<family>` for `${from.family}`, `helpers/a` for `"a"`).
 * Undefined when a selector compares something Bulkhead cannot.
 */
function selectors(raw: unknown, elements: Element[], types: string[], from: Element): string[] | undefined {
  const out: string[] = [];
  for (const raw_ of selectorList(raw)) {
    const n = normalized(raw_);
    if (!n) return undefined;
    const item: unknown = n[1] === undefined ? n[0] : n;
    if (typeof item === 'string') {
      const matching = types.filter((t) => minimatch(t, item));
      if (matching.length === 0) return undefined;
      out.push(...matching.map((t) => `tag:${t}`));
      continue;
    }
    if (!Array.isArray(item) || typeof item[0] !== 'string') return undefined;
    const captured = (item[1] ?? {}) as Json;
    for (const e of elements.filter((x) => minimatch(x.type, item[0] as string))) {
      const parts: string[] = [];
      for (const c of e.captures) {
        const v = captured[c];
        if (v === undefined) parts.push('*');
        else if (typeof v === 'string' && FROM_CAPTURE.test(v)) {
          const match = FROM_CAPTURE.exec(v)!;
          const name = match[1] ?? match[2];
          if (!from.captures.includes(name)) return undefined;
          parts.push(`<${name}>`);
        } else if (typeof v === 'string' && !v.includes('${') && !v.includes('{{')) parts.push(v);
        else return undefined;
      }
      if (Object.keys(captured).some((k) => !e.captures.includes(k))) return undefined;
      out.push([e.type, ...parts].join('/'));
    }
  }
  return out;
}

/** `${from.family}` (v5; `${family}` before), `{{ from.family }}` or `{{ from.captured.family }}` (v6): the importer's value. */
const FROM_CAPTURE = /^(?:\$\{(?:from\.)?(?:captured\.)?([\w-]+)\}|\{\{\s*from\.(?:captured\.)?([\w-]+)\s*\}\})$/;

/** A selector or a list of them: `"helpers"`, `["helpers", { family: "a" }]`, `{ to: { type, captured } }`. */
function selectorList(raw: unknown): unknown[] {
  const single = typeof raw === 'string' || (Array.isArray(raw) && raw.length === 2 && typeof raw[0] === 'string' && raw[1] && typeof raw[1] === 'object' && !Array.isArray(raw[1])) || (raw && typeof raw === 'object' && !Array.isArray(raw));
  return single ? [raw] : listOf(raw);
}

/** A selector as [type pattern, captured values] in both the v5 and the v6 (object) syntax. */
function normalized(item: unknown): [string, Json | undefined] | undefined {
  if (typeof item === 'string') return [item, undefined];
  if (Array.isArray(item) && typeof item[0] === 'string') return [item[0], item[1] as Json | undefined];
  if (!item || typeof item !== 'object') return undefined;
  const o = item as Json;
  if (o.to !== undefined || o.from !== undefined) return normalized(o.to ?? o.from);
  if (typeof o.type === 'string' && Object.keys(o).every((k) => k === 'type' || k === 'captured')) return [o.type, o.captured as Json | undefined];
  return undefined;
}

function entryPoints(setting: unknown, elements: Element[], types: string[], severities: Severities, untranslated: string[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const rule = ruleOptions(setting);
  if (!rule) return result;
  strictest(severities, 'internal-import', rule.severity);
  const defaultAllow = rule.options.default === 'allow'; // the plugin's default is "disallow"
  for (const [i, r] of listOf(rule.options.rules).entries()) {
    const where = `boundaries/entry-point rules[${i}]`;
    const targets = elementsSelected((r as Json).target, elements, types, undefined);
    if ((r as Json).disallow !== undefined || targets.some((t) => t.filtered)) {
      untranslated.push(`${where}: ${(r as Json).disallow !== undefined ? 'disallowed entry points (a public API lists what is allowed)' : 'targets selected by captured values'}`);
      continue;
    }
    const allow = (r as Json).allow;
    const globs = typeof allow === 'string' ? [allow] : Array.isArray(allow) ? allow.filter((a): a is string => typeof a === 'string') : [];
    for (const t of targets) result.set(t.element.name, [...new Set([...(result.get(t.element.name) ?? []), ...globs])]);
  }
  if (defaultAllow) {
    // Every entry point is allowed anyway; the rules only matter under default "disallow".
    result.clear();
  } else {
    for (const e of elements) if (!result.has(e.name)) result.set(e.name, []);
  }
  return result;
}

function externals(setting: unknown, elements: Element[], types: string[], severities: Severities, constraints: DependencyConstraint[], untranslated: string[]): void {
  const rule = ruleOptions(setting);
  if (!rule) return;
  strictest(severities, 'package-import', rule.severity);
  const defaultAllow = rule.options.default === 'allow'; // the plugin's default is "disallow"
  const allowed = new Map<Element, Set<string>>();
  for (const [i, r] of listOf(rule.options.rules).entries()) {
    const where = `boundaries/external rules[${i}]`;
    const from = elementsSelected((r as Json).from, elements, types, undefined);
    if (from.some((f) => f.filtered)) {
      untranslated.push(`${where}: "from" selects by captured values`);
      continue;
    }
    for (const key of ['allow', 'disallow'] as const) {
      const raw = (r as Json)[key];
      if (raw === undefined) continue;
      const names = listOf(typeof raw === 'string' ? [raw] : raw);
      const packages = names.filter((n): n is string => typeof n === 'string');
      if (packages.length < names.length) untranslated.push(`${where}: ${key} of named imports (specifiers) of a package`);
      if (packages.length === 0) continue;
      for (const f of from) {
        if (key === 'disallow') constraints.push({ from: `tag:${f.element.type}`, denyPackages: packages });
        else allowed.set(f.element, new Set([...(allowed.get(f.element) ?? []), ...packages]));
      }
    }
  }
  if (!defaultAllow) for (const e of elements) constraints.push({ from: e.name.replace(/<[^>]+>/g, '*'), allowPackages: [...(allowed.get(e) ?? [])].sort() });
  else if (allowed.size > 0) untranslated.push('boundaries/external: "allow" rules under default "allow" (they only re-allow what a disallow forbade)');
  dedupe(constraints);
}

function dedupe(constraints: DependencyConstraint[]): void {
  const seen = new Set<string>();
  for (let i = constraints.length - 1; i >= 0; i--) {
    const key = JSON.stringify(constraints[i]);
    if (seen.has(key)) constraints.splice(i, 1);
    seen.add(key);
  }
}

/**
 * `[severity, options]` of an ESLint rule setting; undefined when it is off or absent, or, for the
 * dependency rules, has no options: the plugin then checks nothing (so its presets alone, which
 * switch the rules on without options, check nothing either).
 */
function ruleOptions(setting: unknown, needsOptions = true): { severity: RuleSeverity; options: Json } | undefined {
  const [level, options] = Array.isArray(setting) ? [setting[0], setting[1]] : [setting, undefined];
  const severity = eslintSeverity(level);
  const given = options && typeof options === 'object' && !Array.isArray(options) ? (options as Json) : undefined;
  if (!severity || (needsOptions && !given)) return undefined;
  return { severity, options: given ?? {} };
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function abbreviate(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 80 ? `${one.slice(0, 77)}…` : one;
}
