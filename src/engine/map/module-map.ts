import * as path from 'node:path';
import type { Minimatch } from 'minimatch';
import { compileGlob, expandBraces, posixGlob } from '../glob';
import { type CheckedConfig, type ModuleDeclaration, type ConfigLocator, configDiagnostic } from '../config';
import type { InputDiagnostic } from '../model';
import { compileModulePattern, fillPlaceholders, type ModulePattern } from './module-pattern';
import { isNameGlob, isTagSelector, selects } from './selectors';

const FILE_PATTERN = /\.[cm]?[jt]sx?$/i;

const DEFAULT_PUBLIC = ['index.ts', 'index.tsx', 'index.mts', 'index.js', 'index.jsx', 'index.mjs'];

/** One concrete module: a declaration, or one expansion of a placeholder declaration. */
export interface ModuleInfo {
  name: string;
  /** Workspace-relative root folders. */
  roots: string[];
  public: string[];
  /** `undefined` when the declaration has no `dependsOn`. */
  dependsOn: string[] | undefined;
  tags: string[];
  /** Index of the declaration in bulkhead.json's `modules`. */
  declarationIndex: number;
}

export interface ModuleMap {
  readonly modules: ReadonlyMap<string, ModuleInfo>;
  /** The module owning a workspace-relative file, if any. */
  moduleOf(file: string): ModuleInfo | undefined;
  /** Whether `file` is part of `module`'s public API. */
  isPublic(module: ModuleInfo, file: string): boolean;
  diagnostics: InputDiagnostic[];
}

/**
 * Expands the declarations over the folders that hold the scanned files and assigns each file to
 * the module with the deepest matching root.
 */
export function buildModuleMap(
  config: CheckedConfig,
  files: readonly string[],
  locator: ConfigLocator,
  folderExists: (relDir: string) => boolean = () => false,
): ModuleMap {
  const diagnostics: InputDiagnostic[] = [];
  const dirs = candidateFolders(files);
  const dirSet = new Set(dirs);
  const sortedFiles = [...files].sort();
  const fileSet = new Set(files);
  const modules = new Map<string, ModuleInfo>();
  const rootOwner = new Map<string, ModuleInfo>();

  for (const decl of config.modules) {
    const patterns = Array.isArray(decl.path) ? decl.path : [decl.path];
    patterns.forEach((source, p) => {
      const where = Array.isArray(decl.path) ? ['modules', decl.index, 'path', p] : ['modules', decl.index, 'path'];
      let matched = 0;
      // A pattern names folders, unless it ends like a file name (`src/legacy/*.ts`); each
      // alternative of a brace pattern (`src/editor/{editor.api.ts,editor.main.ts}`) on its own.
      const alternatives = expandBraces(source).map((alternative) => {
        const pattern = compileModulePattern(alternative);
        const file = FILE_PATTERN.test(alternative);
        return { pattern, candidates: literalMatch(alternative, pattern, file ? fileSet : dirSet) ?? (file ? sortedFiles : dirs) };
      });
      for (const [dir, values] of alternatives.flatMap(({ pattern, candidates }) => candidates.map((c) => [c, pattern.match(c)] as const))) {
        if (!values) continue;
        matched++;
        const info = instantiate(decl, values, modules, diagnostics, locator, config.defaults?.public);
        if (!info) continue;
        const owner = rootOwner.get(dir);
        if (owner && owner !== info) {
          diagnostics.push(
            configDiagnostic(locator.file, locator.rangeOf(where), 'error', 'overlapping-modules',
              `Module "${info.name}" claims ${dir}, which already belongs to module "${owner.name}". Give each module its own root folder.`),
          );
          continue;
        }
        rootOwner.set(dir, info);
        if (!info.roots.includes(dir)) info.roots.push(dir);
      }
      // An existing folder without source files is a module too: one about to be written, or one
      // of assets (`.json`, `.css`) that other modules import.
      const literal = source.replace(/^\.\//, '').replace(/\/+$/, '');
      if (matched === 0 && isLiteralPath(source) && folderExists(literal)) {
        const info = instantiate(decl, {}, modules, diagnostics, locator, config.defaults?.public);
        if (info && !rootOwner.has(literal)) {
          rootOwner.set(literal, info);
          if (!info.roots.includes(literal)) info.roots.push(literal);
        }
        return;
      }
      if (matched === 0) {
        diagnostics.push(
          configDiagnostic(locator.file, locator.rangeOf(where), 'warning', 'empty-module-path',
            `The path "${source}" of module "${decl.name}" matches no folder with source files.${source.startsWith('../') ? ' It leads outside the workspace root (paths in bulkhead.json are relative to the config\'s folder, here rewritten relative to the root).' : ''}`),
        );
      }
    });
  }
  dropEmptyExpansions(config, modules, rootOwner, files);
  checkReferences(config, modules, locator, diagnostics);

  const ownerCache = new Map<string, ModuleInfo | null>();
  const moduleOfDir = (dir: string): ModuleInfo | undefined => {
    const cached = ownerCache.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    const own = rootOwner.get(dir);
    const found = own ?? (dir === '' || dir === '.' ? undefined : moduleOfDir(parentDir(dir)));
    ownerCache.set(dir, found ?? null);
    return found;
  };
  const rootOf = (module: ModuleInfo, file: string): string | undefined =>
    module.roots.filter((r) => file === r || file.startsWith(r + '/')).sort((a, b) => b.length - a.length)[0];

  // Rules ask about the same files over and over (every crossing, on every analysis while
  // typing), so owners, compiled globs and answers are kept for the lifetime of this map.
  const fileOwners = new Map<string, ModuleInfo | null>();
  const publicMatchers = new Map<ModuleInfo, { globs: Minimatch[]; answers: Map<string, boolean> }>();
  const matchersOf = (module: ModuleInfo): { globs: Minimatch[]; answers: Map<string, boolean> } => {
    let found = publicMatchers.get(module);
    if (!found) {
      found = { globs: module.public.map((glob) => compileGlob(glob)), answers: new Map() };
      publicMatchers.set(module, found);
    }
    return found;
  };

  return {
    modules,
    diagnostics,
    moduleOf(file) {
      let owner = fileOwners.get(file);
      if (owner === undefined) {
        owner = rootOwner.get(file) ?? moduleOfDir(parentDir(file)) ?? null;
        fileOwners.set(file, owner);
      }
      return owner ?? undefined;
    },
    isPublic(module, file) {
      const { globs, answers } = matchersOf(module);
      let answer = answers.get(file);
      if (answer === undefined) {
        const root = rootOf(module, file);
        const inner = root === undefined ? undefined : file === root ? path.posix.basename(file) : file.slice(root.length + 1);
        answer = inner !== undefined && globs.some((glob) => glob.match(inner));
        answers.set(file, answer);
      }
      return answer;
    },
  };
}

/**
 * A placeholder pattern also matches folders that only hold other modules (`editor/<env>` matches
 * `editor/contrib`); such expansions own no file and would only clutter the graph.
 */
function dropEmptyExpansions(config: CheckedConfig, modules: Map<string, ModuleInfo>, rootOwner: Map<string, ModuleInfo>, files: readonly string[]): void {
  const templated = new Set(config.modules.filter((d) => /<[A-Za-z_][\w-]*>/.test(d.name)).map((d) => d.index));
  if (templated.size === 0) return;
  const owning = new Set<ModuleInfo>();
  const deepestOwner = (file: string): ModuleInfo | undefined => {
    for (let p = file; p !== ''; p = parentDir(p)) {
      const owner = rootOwner.get(p);
      if (owner) return owner;
    }
    return undefined;
  };
  for (const file of files) {
    const owner = deepestOwner(file);
    if (owner) owning.add(owner);
  }
  for (const [name, info] of modules) {
    if (owning.has(info) || !templated.has(info.declarationIndex)) continue;
    modules.delete(name);
    for (const root of info.roots) rootOwner.delete(root);
  }
}

function instantiate(
  decl: ModuleDeclaration & { index: number },
  values: Record<string, string>,
  modules: Map<string, ModuleInfo>,
  diagnostics: InputDiagnostic[],
  locator: ConfigLocator,
  defaultPublic: string[] | undefined,
): ModuleInfo | undefined {
  const name = fillPlaceholders(decl.name, values);
  const existing = modules.get(name);
  if (existing) {
    if (existing.declarationIndex === decl.index) return existing;
    diagnostics.push(
      configDiagnostic(locator.file, locator.rangeOf(['modules', decl.index, 'name']), 'error', 'duplicate-module',
        `Module name "${name}" is declared twice (also by modules[${existing.declarationIndex}]).`),
    );
    return undefined;
  }
  const info: ModuleInfo = {
    name,
    roots: [],
    public: decl.public ?? defaultPublic ?? DEFAULT_PUBLIC,
    dependsOn: decl.dependsOn?.map((d) => fillPlaceholders(d, values)),
    tags: (decl.tags ?? []).map((t) => fillPlaceholders(t, values)),
    declarationIndex: decl.index,
  };
  modules.set(name, info);
  return info;
}

function checkReferences(config: CheckedConfig, modules: Map<string, ModuleInfo>, locator: ConfigLocator, diagnostics: InputDiagnostic[]): void {
  const all = [...modules.values()];
  const knownTags = new Set(all.flatMap((m) => m.tags));
  const reported = new Set<string>();
  const check = (selector: string, where: (string | number)[], context: string): void => {
    const key = `${where.join('/')}|${selector}`;
    if (selector === '*' || reported.has(key)) return;
    if (isTagSelector(selector)) {
      if (!knownTags.has(selector.slice(4))) {
        reported.add(key);
        diagnostics.push(configDiagnostic(locator.file, locator.rangeOf(where), 'warning', 'unknown-module',
          `${context}: no module has the tag "${selector.slice(4)}".`));
      }
      return;
    }
    if (all.some((m) => selects(selector, m))) return;
    reported.add(key);
    // Declared, but its path matched nothing (already warned about): not a typo, so not an error.
    if (config.modules.some((d) => d.name === selector)) {
      diagnostics.push(configDiagnostic(locator.file, locator.rangeOf(where), 'warning', 'unknown-module',
        `${context}: module "${selector}" is declared but has no files here (its path matches nothing in this workspace), so no dependency on it can occur.`));
      return;
    }
    const what = isNameGlob(selector) ? `the pattern "${selector}" matches no module` : `unknown module "${selector}"`;
    diagnostics.push(configDiagnostic(locator.file, locator.rangeOf(where), 'error', 'unknown-module',
      `${context}: ${what}. Known modules: ${all.map((m) => m.name).sort().slice(0, 12).join(', ')}${all.length > 12 ? ', …' : ''}.`));
  };
  // A dependsOn entry with placeholders (`helpers/<family>`) names a counterpart that some
  // instances may not have (a family without helpers): not a typo as long as one instance has it.
  const templateHits = new Set<string>();
  for (const m of all) {
    m.dependsOn?.forEach((sel, j) => {
      if (all.some((other) => selects(sel, other))) templateHits.add(`${m.declarationIndex}/${j}`);
    });
  }
  for (const m of all) {
    const declared = config.modules.find((d) => d.index === m.declarationIndex)?.dependsOn;
    m.dependsOn?.forEach((sel, j) => {
      if (declared?.[j]?.includes('<') && templateHits.has(`${m.declarationIndex}/${j}`)) return;
      check(sel, ['modules', m.declarationIndex, 'dependsOn', j], `dependsOn of "${m.name}"`);
    });
  }
  for (const c of config.acceptedCycles) {
    c.modules.forEach((sel, j) => check(sel, ['acceptedCycles', c.index, 'modules', j], `acceptedCycles[${c.index}].modules`));
  }
  for (const c of config.constraints) {
    check(c.from, ['constraints', c.index, 'from'], `constraints[${c.index}].from`);
    c.allow?.forEach((sel, j) => check(sel, ['constraints', c.index, 'allow', j], `constraints[${c.index}].allow`));
    c.deny?.forEach((sel, j) => check(sel, ['constraints', c.index, 'deny', j], `constraints[${c.index}].deny`));
  }
}

/** Every folder that holds a scanned file, plus their ancestors, in a stable order. */
function candidateFolders(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = parentDir(file); dir !== '' && !dirs.has(dir); dir = parentDir(dir)) dirs.add(dir);
  }
  return [...dirs].sort();
}

/**
 * The one folder (or file) a pattern without wildcards can match, when it is there: it matches
 * that path and no other, so the candidates need not all be tested (92 patterns over 2,000 folders
 * on medusa). Undefined when the pattern has wildcards or the path is not found as written.
 */
function literalMatch(alternative: string, pattern: ModulePattern, candidates: ReadonlySet<string>): string[] | undefined {
  if (!isLiteralPath(alternative)) return undefined;
  // The path the compiled pattern matches (compileModulePattern normalizes it the same way).
  const literal = posixGlob(alternative).replace(/\/+$/, '');
  return candidates.has(literal) && pattern.match(literal) ? [literal] : undefined;
}

function isLiteralPath(pattern: string): boolean {
  return !/[*?[\]{}<>!]/.test(pattern);
}

function parentDir(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}
