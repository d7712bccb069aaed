import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import type { DependencyConstraint, ModuleDeclaration, RuleSeverity } from '../../config';
import { readJsonObject } from '../read-json';
import { readCruiserConfig } from './dependency-cruiser-config';
import type { ForeignMap, ImportOptions } from './foreign-map';
import { covers, fileSuffixGlob, folderGlobsOf, selectorOf, type FolderGlob } from './regex-folders';
import { strictest, type Severities } from './severities';

type Json = Record<string, unknown>;

interface Rule {
  name: string;
  kind: 'forbidden' | 'allowed';
  severity: RuleSeverity;
  /** dependency-cruiser's "info", which Bulkhead does not have: translated as "warn". */
  info: boolean;
  from: Json;
  to: Json;
}

/** `from`/`to` keys this translation understands; a rule using any other is not translated. */
const FROM_KEYS = new Set(['path', 'pathNot']);
const TO_KEYS = new Set(['path', 'pathNot', 'circular', 'dependencyTypes', 'couldNotResolve']);
/** dependencyTypes that name packages, with the package.json field listing them. */
const PACKAGE_TYPES: Record<string, string> = { 'npm': 'dependencies', 'npm-dev': 'devDependencies', 'npm-optional': 'optionalDependencies', 'npm-peer': 'peerDependencies', 'npm-bundled': 'bundledDependencies' };

/**
 * A bulkhead.json from `.dependency-cruiser.json`: one module per folder the `path` regexes of
 * the rules name (a `([^/]+)` capture gives one module per folder), `forbidden` rules between
 * them as `deny` constraints, `allowed` rules as `dependsOn`, `circular` as the cycle rule and
 * package rules as `denyPackages`. dependency-cruiser has no public API notion, so every file of
 * a module is public.
 */
export function fromDependencyCruiser(root: string, options: ImportOptions): ForeignMap {
  const { file, config } = readCruiserConfig(root, options);
  const notes: string[] = [];
  const untranslated: string[] = [];
  const severities: Severities = {};
  const ignore: string[] = [];
  const rules = collectRules(config, untranslated);

  // Folder globs of every rule that can be translated; the others are listed and left out.
  const globsOf = new Map<Rule, { from: FolderGlob[]; to: FolderGlob[]; packages?: string[] }>();
  let alwaysTrue = 0;
  for (const rule of rules) {
    const why = whyNot(rule);
    if (why) {
      untranslated.push(`${rule.name}: ${why}`);
      continue;
    }
    const from = pathGlobs(rule.from.path);
    const to = pathGlobs(rule.to.path);
    if (from === undefined || to === undefined) {
      untranslated.push(`${rule.name}: a path regex is not a plain folder pattern (${JSON.stringify(from === undefined ? rule.from.path : rule.to.path)})`);
      continue;
    }
    if (to.some((g) => g.sameAsImporter) && rule.kind === 'allowed' && rule.to.pathNot === undefined) {
      // "A folder may import itself": always so in Bulkhead, where imports inside a module are fine.
      notes.push(`${rule.name}: allows imports inside the importer's own folder, which Bulkhead always allows.`);
      alwaysTrue++;
      continue;
    }
    if (to.some((g) => g.sameAsImporter)) {
      untranslated.push(`${rule.name}: "to" refers to the importer's own folder ($1); imports inside a module are always allowed in Bulkhead`);
      continue;
    }
    // An exception for test files can be left out of the scan; any other would be checked too,
    // reporting what dependency-cruiser does not: then the rule is not translated.
    const pathNot = stringsOf(rule.from.pathNot);
    const exceptions = pathNot.map(fileSuffixGlob);
    if (exceptions.includes(undefined)) {
      untranslated.push(`${rule.name}: from.pathNot ${JSON.stringify(pathNot[exceptions.indexOf(undefined)])} is an exception Bulkhead cannot make`);
      continue;
    }
    // `path: "^fs$"` (with or without `dependencyTypes: ["core"]`) names packages, not folders.
    const named = packagesNamed(root, to);
    if (rule.to.dependencyTypes !== undefined && rule.to.path !== undefined && !named) {
      untranslated.push(`${rule.name}: it combines folders with dependency types, which Bulkhead checks separately`);
      continue;
    }
    if (named && rule.kind === 'allowed') {
      untranslated.push(`${rule.name}: an allowed rule for packages (only packages that constraints name are checked)`);
      continue;
    }
    // Decided here, before any module is made from the rule's paths, so that a rule left out
    // leaves no module behind (which, under "allowed" rules, could import nothing).
    const packages = named ?? (rule.to.dependencyTypes === undefined ? undefined : packagesOf(root, stringsOf(rule.to.dependencyTypes), stringsOf(rule.to.pathNot)));
    if (rule.to.dependencyTypes !== undefined && packages === undefined) {
      untranslated.push(`${rule.name}: dependencyTypes ${JSON.stringify(rule.to.dependencyTypes)} (Bulkhead tells packages only by name)`);
      continue;
    }
    if (packages !== undefined && packages.length === 0) {
      untranslated.push(`${rule.name}: its dependencyTypes name no packages this workspace has`);
      continue;
    }
    for (const glob of exceptions as string[]) if (!ignore.includes(glob)) ignore.push(glob);
    globsOf.set(rule, { from, to: packages ? [] : to, packages });
    if (rule.info) notes.push(`${rule.name}: severity "info" became "warn" (Bulkhead has no info level).`);
  }
  if (ignore.length > 0) notes.push(`Files that rules exclude with from.pathNot are not checked at all: ${ignore.join(', ')} in "ignore".`);

  const modules = moduleGlobs([...globsOf.values()].flatMap((g) => [...g.from, ...g.to].map((x) => x.glob)));
  const selectorsUnder = (globs: FolderGlob[]): string[] => [...new Set(globs.flatMap((g) => modules.filter((m) => covers(g.glob, m)).map(selectorOf).concat(modules.includes(g.glob) || !modules.some((m) => covers(m, g.glob)) ? [] : [g.glob])))];

  const denies = new Map<string, { deny: Set<string>; denyPackages: Set<string> }>();
  const allowed = new Map<string, Set<string>>();
  const entry = (from: string): { deny: Set<string>; denyPackages: Set<string> } => {
    let e = denies.get(from);
    if (!e) denies.set(from, (e = { deny: new Set(), denyPackages: new Set() }));
    return e;
  };
  let translated = alwaysTrue;
  for (const [rule, globs] of globsOf) {
    const fromSelectors = globs.from.length === 0 ? ['*'] : selectorsUnder(globs.from);
    if (rule.to.circular === true) {
      strictest(severities, 'cycle', rule.severity);
      notes.push(`${rule.name}: became the "cycle" rule, which reports cycles between modules: a file cycle inside one module is not reported, a module cycle without a file cycle is.`);
      translated++;
      continue;
    }
    if (rule.to.couldNotResolve === true) {
      strictest(severities, 'unresolved-import', rule.severity);
      translated++;
      continue;
    }
    if (globs.packages) {
      for (const s of fromSelectors) globs.packages.forEach((p) => entry(s).denyPackages.add(p));
      strictest(severities, 'package-import', rule.severity);
      translated++;
      continue;
    }
    const toSelectors = selectorsUnder(globs.to);
    if (toSelectors.length === 0) {
      untranslated.push(`${rule.name}: its "to" names no module`);
      continue;
    }
    if (rule.kind === 'allowed') {
      for (const s of fromSelectors) toSelectors.forEach((t) => (allowed.get(s) ?? allowed.set(s, new Set()).get(s)!).add(t));
    } else {
      for (const s of fromSelectors) toSelectors.forEach((t) => entry(s).deny.add(t));
    }
    strictest(severities, 'undeclared-dependency', rule.severity);
    translated++;
  }

  const hasAllowed = rules.some((r) => r.kind === 'allowed');
  const declarations: ModuleDeclaration[] = modules.map((glob) => {
    const own = [...allowed.entries()].filter(([s]) => s === selectorOf(glob) || s === '*').flatMap(([, to]) => [...to]);
    return { name: glob, path: glob, dependsOn: hasAllowed ? [...new Set(own)].sort() : ['*'] };
  });
  const constraints: DependencyConstraint[] = [...denies.entries()].map(([from, e]) => ({
    from,
    ...(e.deny.size > 0 ? { deny: [...e.deny].sort() } : {}),
    ...(e.denyPackages.size > 0 ? { denyPackages: [...e.denyPackages].sort() } : {}),
  }));
  if (hasAllowed) notes.push('"allowed" rules became each module\'s dependsOn: a dependency no allowed rule covers is an undeclared-dependency.');
  translateOptions(config, ignore, notes, untranslated);
  notes.unshift(`Translated ${translated} of ${rules.length} rules into ${modules.length} module declarations and ${constraints.length} constraints; every file of a module is public (dependency-cruiser has no public API).`);

  return {
    source: file,
    notes,
    untranslated,
    config: {
      ...(ignore.length > 0 ? { ignore } : {}),
      defaults: { public: ['**'] },
      modules: declarations,
      ...(constraints.length > 0 ? { constraints } : {}),
      rules: {
        'undeclared-dependency': severities['undeclared-dependency'] ?? 'off',
        cycle: severities.cycle ?? 'off',
        'package-import': severities['package-import'] ?? 'off',
        'unresolved-import': severities['unresolved-import'] ?? 'off',
        'unowned-file': 'off',
      },
    },
  };
}

function collectRules(config: Json, untranslated: string[]): Rule[] {
  const rules: Rule[] = [];
  const severityOf = (raw: unknown, fallback: string): RuleSeverity | undefined => {
    const s = typeof raw === 'string' ? raw : fallback;
    if (s === 'ignore') return undefined;
    return s === 'error' ? 'error' : 'warn';
  };
  if (config.extends !== undefined) untranslated.push(`extends ${JSON.stringify(config.extends)}: not read (a JavaScript config is read only with --trust; one that cannot be found, not at all); its rules are missing`);
  const forbidden = Array.isArray(config.forbidden) ? (config.forbidden as Json[]) : [];
  forbidden.forEach((r, i) => {
    const name = typeof r?.name === 'string' ? r.name : `forbidden[${i}]`;
    const severity = severityOf(r?.severity, 'warn');
    if (!severity) untranslated.push(`${name}: severity "ignore" (off)`);
    else rules.push({ name, kind: 'forbidden', severity, info: r?.severity === 'info', from: objectOf(r?.from), to: objectOf(r?.to) });
  });
  const allowed = Array.isArray(config.allowed) ? (config.allowed as Json[]) : [];
  const allowedSeverity = severityOf(config.allowedSeverity, 'warn');
  allowed.forEach((r, i) => {
    if (allowedSeverity) rules.push({ name: `allowed[${i}]${typeof r?.comment === 'string' ? ` (${r.comment})` : ''}`, kind: 'allowed', severity: allowedSeverity, info: config.allowedSeverity === 'info', from: objectOf(r?.from), to: objectOf(r?.to) });
  });
  if (Array.isArray(config.required) && config.required.length > 0) untranslated.push(`required: ${config.required.length} rule(s) that modules must import something (Bulkhead checks what may be imported, not what must be)`);
  return rules;
}

/** Why a rule cannot be translated, or undefined when it can. */
function whyNot(rule: Rule): string | undefined {
  const extra = [...Object.keys(rule.from).filter((k) => !FROM_KEYS.has(k)).map((k) => `from.${k}`), ...Object.keys(rule.to).filter((k) => !TO_KEYS.has(k)).map((k) => `to.${k}`)];
  if (extra.length > 0) return `${extra.join(', ')} ${extra.length === 1 ? 'has' : 'have'} no Bulkhead equivalent`;
  if (rule.kind === 'allowed' && (rule.to.circular !== undefined || rule.to.dependencyTypes !== undefined || rule.to.couldNotResolve !== undefined)) return 'an allowed rule on circularity, dependency types or resolution has no Bulkhead equivalent (only packages named by constraints are checked)';
  if (rule.to.circular === false || rule.to.couldNotResolve === false) return '"circular: false"/"couldNotResolve: false" has no Bulkhead equivalent';
  const kinds = [rule.to.circular !== undefined, rule.to.couldNotResolve !== undefined, rule.to.dependencyTypes !== undefined].filter(Boolean).length;
  if (kinds > 1 || (kinds === 1 && rule.to.path !== undefined && rule.to.circular === undefined && rule.to.dependencyTypes === undefined)) return 'it combines a path with dependency types or resolution, which Bulkhead checks separately';
  if (rule.to.pathNot !== undefined && rule.to.dependencyTypes === undefined) return 'to.pathNot has no Bulkhead equivalent (a deny names what is forbidden, not its exceptions)';
  if (rule.kind === 'forbidden' && kinds === 0 && rule.to.path === undefined) return 'it forbids every dependency of the importer';
  return undefined;
}

function pathGlobs(value: unknown): FolderGlob[] | undefined {
  if (value === undefined) return [];
  const regexes = stringsOf(value);
  const globs: FolderGlob[] = [];
  for (const r of regexes) {
    const g = folderGlobsOf(r);
    if (!g) return undefined;
    globs.push(...g);
  }
  return globs;
}

/**
 * The distinct module globs, except a literal folder that a placeholder glob already makes
 * (`src/features/auth` under `src/features/<feature>`): two declarations may not claim one root.
 */
function moduleGlobs(globs: string[]): string[] {
  const distinct = [...new Set(globs)];
  return distinct.filter((g) => !distinct.some((other) => other !== g && covers(other, g) && other.split('/').length === g.split('/').length)).sort();
}

/**
 * dependency-cruiser matches `to.path` against what an import resolves to: `fs` for a built-in,
 * `node_modules/lodash/…` for a package. Such a path names packages, not a folder of the
 * workspace; undefined when it names folders.
 */
function packagesNamed(root: string, to: FolderGlob[]): string[] | undefined {
  if (to.length === 0) return undefined;
  const names = to.map((g) => (isBuiltin(g.glob) && !fs.existsSync(path.join(root, g.glob)) ? g.glob : /^node_modules\/((?:@[^/<]+\/)?[^/<]+)$/.exec(g.glob)?.[1]));
  return names.includes(undefined) ? undefined : [...new Set(names as string[])].sort();
}

/** The packages a `dependencyTypes` list names, from package.json; undefined for other types. */
function packagesOf(root: string, types: string[], pathNot: string[]): string[] | undefined {
  const packageJson = readJsonObject(path.join(root, 'package.json')) ?? {};
  const names = new Set<string>();
  for (const type of types) {
    if (type === 'core') names.add('node:*'); // Bulkhead matches `node:*` to `fs` and `node:fs` alike
    else if (PACKAGE_TYPES[type]) Object.keys(objectOf(packageJson[PACKAGE_TYPES[type]])).forEach((n) => names.add(n));
    else return undefined;
  }
  // `pathNot: "node_modules/@types/"`: the usual exception for type packages.
  const excluded = pathNot.map((r) => /^\^?node_modules\/(.*)$/.exec(r.replace(/\\\//g, '/'))?.[1]).filter((p): p is string => p !== undefined);
  return [...names].filter((n) => !excluded.some((prefix) => n.startsWith(prefix.replace(/\/$/, '')))).sort();
}

function translateOptions(config: Json, ignore: string[], notes: string[], untranslated: string[]): void {
  const options = objectOf(config.options);
  // Without it dependency-cruiser does not see `import type`; Bulkhead always does.
  if (options.tsPreCompilationDeps !== true) untranslated.push('options.tsPreCompilationDeps is not true: dependency-cruiser skips type-only imports, Bulkhead checks them too');
  const tsConfig = objectOf(options.tsConfig).fileName;
  if (typeof tsConfig === 'string') notes.push(`options.tsConfig ${tsConfig}: Bulkhead resolves each file with the nearest tsconfig.json (or jsconfig.json) that includes it.`);
  for (const key of ['exclude', 'includeOnly', 'doNotFollow'] as const) {
    const raw = options[key];
    const regexes = stringsOf(raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Json).path : raw);
    for (const regex of regexes) {
      if (/^\^?\(?node_modules\)?\/?$/.test(regex) || regex === 'node_modules') continue; // always skipped
      if (key === 'doNotFollow') {
        untranslated.push(`options.doNotFollow ${JSON.stringify(regex)} (Bulkhead reads every file it scans)`);
        continue;
      }
      const folders = key === 'exclude' ? folderGlobsOf(regex) : undefined;
      const suffix = key === 'exclude' ? fileSuffixGlob(regex) : undefined;
      if (folders && !folders.some((f) => f.glob.includes('<'))) folders.forEach((f) => ignore.push(`${f.glob}/**`));
      else if (suffix) ignore.push(suffix);
      // An unanchored folder name ("mocks", "test/integration") matches it at any depth.
      else if (key === 'exclude' && /^[\w-]+(\/[\w-]+)*$/.test(regex)) ignore.push(`**/${regex}/**`);
      else untranslated.push(`options.${key} ${JSON.stringify(regex)}`);
    }
  }
  for (const key of ['reaches', 'focus', 'highlight', 'collapse']) if (options[key] !== undefined) untranslated.push(`options.${key} (a reporting option)`);
}

function objectOf(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
