import type { FileIndex } from '../analyze';
import type { DependencyPolicy, ModuleMap } from '../map';
import type { Range } from '../model';

export interface ImportExplanation {
  specifier: string;
  range: Range;
  /** Where it resolves: a workspace file, an external package, or nothing. */
  resolution: string;
  targetModule?: string;
  /** Whether the target file is in the target module's public API. */
  public?: boolean;
  allowed: boolean;
  reasons: string[];
}

export interface Explanation {
  file: string;
  module?: string;
  roots: string[];
  dependsOn?: string[];
  tags: string[];
  /** Modules this file's module may depend on. */
  mayImport: string[];
  imports: ImportExplanation[];
}

/** The reasoning behind the rules for one file, in data (`bulkhead explain` prints it). */
export function explainFile(
  { index, map, policy }: { index: FileIndex; map: ModuleMap; policy: DependencyPolicy },
  file: string,
  specifier?: string,
): Explanation {
  const module = map.moduleOf(file);
  const others = [...map.modules.values()].sort((a, b) => a.name.localeCompare(b.name));
  const entry = index.get(file);
  const imports: ImportExplanation[] = [];
  entry?.facts.imports.forEach((fact, i) => {
    if (specifier !== undefined && fact.specifier !== specifier) return;
    const r = entry.resolutions[i];
    const base = { specifier: fact.specifier, range: fact.range };
    if (r.kind !== 'file') {
      const resolution = r.kind === 'external' ? `external package ${r.packageName}` : 'unresolved';
      imports.push({ ...base, resolution, allowed: true, reasons: [r.kind === 'external' ? 'External packages are not modules of the map.' : 'TypeScript cannot resolve it, so nothing can be checked.'] });
      return;
    }
    const target = map.moduleOf(r.file);
    if (!module || !target || target === module) {
      const why = !module ? 'This file belongs to no module, so it may import anything.' : !target ? `${r.file} belongs to no module.` : 'Both files are in the same module.';
      imports.push({ ...base, resolution: r.file, targetModule: target?.name, allowed: true, reasons: [why] });
      return;
    }
    const isPublic = map.isPublic(target, r.file);
    const verdict = policy.verdict(module, target);
    const reasons = [
      isPublic ? `${r.file} is part of "${target.name}"'s public API (${target.public.join(', ')}).` : `${r.file} is internal to "${target.name}": its public API is ${target.public.join(', ')}.`,
      verdict.allowed ? `The dependency ${module.name} → ${target.name} is declared: ${verdict.reason}.` : `The dependency ${module.name} → ${target.name} is not declared: ${verdict.reason}.`,
    ];
    imports.push({ ...base, resolution: r.file, targetModule: target.name, public: isPublic, allowed: isPublic && verdict.allowed, reasons });
  });
  return {
    file,
    module: module?.name,
    roots: module?.roots ?? [],
    dependsOn: module?.dependsOn,
    tags: module?.tags ?? [],
    mayImport: module ? others.filter((m) => m !== module && policy.verdict(module, m).allowed).map((m) => m.name) : others.map((m) => m.name),
    imports,
  };
}
