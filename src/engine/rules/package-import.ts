import { builtinModules } from 'node:module';
import type { Rule } from './rule';

const BUILTINS = new Set(builtinModules);

/**
 * Imports of packages (npm packages, Node built-ins) that a constraint's `allowPackages` or
 * `denyPackages` forbids for the importing module. Workspace packages that resolve to files of
 * the workspace are module dependencies, checked by the other rules, not here.
 */
export const packageImport: Rule = {
  id: 'package-import',
  fileFindings({ file, facts, resolutions }, { map, policy, isLocalSpecifier }) {
    if (!policy.restrictsPackages) return [];
    const module = map.moduleOf(file);
    if (!module) return [];
    return facts.imports.flatMap((fact, i) => {
      const r = resolutions[i];
      // Not installed: still the package it names; a local path or alias that does not resolve is not one.
      const name = r?.kind === 'external' ? r.packageName : r?.kind === 'unresolved' && !isLocalSpecifier(fact.specifier, file) ? packageOf(fact.specifier) : undefined;
      if (name === undefined) return [];
      const verdict = policy.packageVerdict(module, namesOf(name, fact.specifier));
      if (verdict.allowed) return [];
      return [{
        rule: 'package-import' as const,
        file,
        range: fact.range,
        sourceModule: module.name,
        specifier: fact.specifier,
        identity: `package\u0001${namesOf(name, fact.specifier)[0]}`,
        message: `Module "${module.name}" imports the package "${fact.specifier}": ${verdict.reason}. Move this code to a module that may use it, or go through an API that hides it.`,
      }];
    });
  },
};

/** What globs are matched against: the package name; for a built-in, `fs` and `node:fs`. */
function namesOf(packageName: string, specifier: string): string[] {
  const bare = packageName.startsWith('node:') ? packageName.slice(5) : packageName;
  const top = bare.split('/')[0];
  if (BUILTINS.has(top) || packageName.startsWith('node:')) return [...new Set([top, `node:${top}`, specifier])];
  return [...new Set([packageOf(packageName), specifier])];
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
