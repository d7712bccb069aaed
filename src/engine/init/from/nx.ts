import type { DependencyConstraint, ModuleDeclaration } from '../../config';
import { findSourceFiles } from '../../discover';
import { foldersOf } from '../found-module';
import { findNxProjects } from '../nx-projects';
import { findWorkspacePackages } from '../workspace-packages';
import { readEslintConfig } from './eslint-config-objects';
import { eslintSeverity } from './eslint-severity';
import { ForeignConfigError, type ForeignMap } from './foreign-map';
import { Unreadable } from './unreadable';

type Json = Record<string, unknown>;
const RULE_NAMES = ['@nx/enforce-module-boundaries', '@nrwl/nx/enforce-module-boundaries'];
/** Options of the Nx rule that have no Bulkhead equivalent, with why. */
const OTHER_OPTIONS: Record<string, string> = {
  allow: 'imports that are always allowed (Bulkhead: a bulkhead-ignore comment, or a wider dependsOn)',
  banTransitiveDependencies: 'imports of packages that are not direct dependencies',
  checkDynamicDependenciesExceptions: 'lazy-loaded projects that may be imported dynamically',
  enforceBuildableLibDependency: 'buildable libraries importing non-buildable ones',
  checkNestedExternalImports: 'deep imports of banned packages',
  ignoredCircularDependencies: 'accepted project cycles (Bulkhead: "acceptedCycles" with a reason)',
};

/**
 * A bulkhead.json from Nx: the projects (`project.json`) with their tags and public API (the
 * tsconfig path aliases), and the `depConstraints` of `@nx/enforce-module-boundaries` as
 * constraints, package lists included. Unlike plain `init`, `dependsOn` is not what the code
 * imports today: as in Nx, what the constraints allow is allowed, and a project no constraint
 * selects may import no other project.
 */
export function fromNx(root: string): ForeignMap {
  const eslint = readEslintConfig(root);
  const name = RULE_NAMES.find((r) => eslint.rules[r] !== undefined);
  const setting = name ? eslint.rules[name] : undefined;
  const [level, options] = Array.isArray(setting) ? [setting[0], setting[1] as Json | undefined] : [setting, undefined];
  const severity = eslintSeverity(level);
  if (!name || !severity) throw new ForeignConfigError(`${eslint.file}: no enabled @nx/enforce-module-boundaries rule${eslint.unreadable.length > 0 ? ` that can be read without running the config (${eslint.unreadable[0].where} is computed)` : ''}.`);
  const notes: string[] = [];
  const untranslated: string[] = [];
  const discovery = findSourceFiles(root);
  const projects = findNxProjects(root, [...foldersOf(discovery.files)]);
  // Newer Nx workspaces link projects as packages: their package.json "exports" are the entry
  // points Nx lets others import (`@acme/state/react`), where older ones have tsconfig aliases.
  const packages = findWorkspacePackages(root, discovery.packageJsons, discovery.files);
  for (const p of projects) if (p.public.length === 0) p.public = packages.find((w) => w.folder === p.folder)?.public ?? [];
  if (projects.length === 0) throw new ForeignConfigError(`No Nx projects (project.json next to source files) found in ${root}.`);

  const raw = options?.depConstraints;
  if (raw instanceof Unreadable) untranslated.push(`depConstraints: ${raw.where} is computed; copy the constraints into "constraints" by hand`);
  const constraints: DependencyConstraint[] = [];
  for (const [i, c] of (Array.isArray(raw) ? (raw as Json[]) : []).entries()) {
    const translated = constraintOf(c ?? {}, `depConstraints[${i}]`, untranslated);
    if (translated) constraints.push(...translated);
  }
  for (const [option, why] of Object.entries(OTHER_OPTIONS)) {
    const value = options?.[option];
    if (value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0)) untranslated.push(`${option}: ${why}`);
  }
  const hasModuleConstraints = constraints.some((c) => c.allow || c.deny);
  const modules: ModuleDeclaration[] = projects.map((p) => ({
    name: p.name,
    path: p.folder,
    ...(p.public.length > 0 ? { public: p.public } : {}),
    ...(p.tags.length > 0 ? { tags: p.tags } : {}),
    // Without depConstraints Nx lets any project import any other.
    ...(hasModuleConstraints ? {} : { dependsOn: ['*'] }),
  }));
  notes.push(`${projects.length} Nx projects; ${constraints.length} constraints from ${Array.isArray(raw) ? raw.length : 0} depConstraints of ${name} in ${eslint.file}; the public API of a project is what its tsconfig path aliases or package.json exports point at, else src/index.ts.`);
  notes.push('As in Nx, a project that no constraint selects may import no other project, and project cycles are errors ("cycle").');
  return {
    source: eslint.file,
    notes,
    untranslated,
    config: {
      defaults: { public: ['src/index.ts', 'index.ts'] },
      modules,
      ...(constraints.length > 0 ? { constraints } : {}),
      rules: { 'undeclared-dependency': severity, 'internal-import': severity, cycle: severity, 'package-import': severity, 'unresolved-import': 'off', 'unowned-file': 'off' },
    },
  };
}

function constraintOf(c: Json, where: string, untranslated: string[]): DependencyConstraint[] | undefined {
  const tag = (t: unknown): string | undefined => (typeof t !== 'string' || (t.startsWith('/') && t.length > 1) ? undefined : t === '*' ? '*' : `tag:${t}`);
  if (c.allSourceTags !== undefined) return void untranslated.push(`${where}: allSourceTags (a project must have all of several tags; selectors name one)`);
  const from = tag(c.sourceTag);
  if (!from) return void untranslated.push(`${where}: sourceTag ${JSON.stringify(c.sourceTag)} (regular-expression tags)`);
  const constraint: DependencyConstraint = { from };
  const list = (key: string): string[] | undefined => {
    const value = c[key];
    if (value === undefined) return undefined;
    const items = Array.isArray(value) ? value : [value];
    const out = items.map(tag);
    if (out.includes(undefined)) {
      untranslated.push(`${where}: ${key} ${JSON.stringify(value)} (regular-expression tags)`);
      return undefined;
    }
    return out as string[];
  };
  const allow = list('onlyDependOnLibsWithTags');
  const deny = list('notDependOnLibsWithTags');
  // Nx: "*" allows every project; the constraint still selects the project, so keep it.
  if (allow) constraint.allow = allow.includes('*') ? ['*'] : allow;
  if (deny && deny.length > 0) constraint.deny = deny;
  const packages = (key: string): string[] | undefined => {
    const value = c[key];
    if (!Array.isArray(value)) return undefined;
    const strings = value.filter((v): v is string => typeof v === 'string');
    return strings;
  };
  const allowPackages = packages('allowedExternalImports');
  const denyPackages = packages('bannedExternalImports');
  if (allowPackages) constraint.allowPackages = allowPackages;
  if (denyPackages && denyPackages.length > 0) constraint.denyPackages = denyPackages;
  if (c.onlyDependOnLibsWithTags === undefined && c.notDependOnLibsWithTags === undefined && !allowPackages && !denyPackages) return [];
  return [constraint];
}
