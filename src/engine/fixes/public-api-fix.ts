import { type FileIndex, ReExportTracer } from '../analyze';
import type { ModuleMap } from '../map';
import type { Violation } from '../model';
import type { Fix } from './fix';
import { specifierCandidates } from './specifier-candidates';

export interface PublicApiFixInput {
  violation: Violation;
  index: FileIndex;
  map: ModuleMap;
  /** Where `specifier` written in `fromFile` leads (workspace-relative), as the checker resolves it. */
  resolve(specifier: string, fromFile: string): string | undefined;
}

/**
 * Rewrites an internal import to the target module's public API, only when a public file exports
 * every imported name and leads to the same declaration (so the code keeps meaning the same).
 */
export function publicApiFix({ violation, index, map, resolve }: PublicApiFixInput): Fix | undefined {
  const importer = index.get(violation.file);
  const target = violation.targetModule ? map.modules.get(violation.targetModule) : undefined;
  if (!importer || !target) return undefined;
  const i = importer.facts.imports.findIndex((f) => f.specifier === violation.specifier && sameStart(f.range.start, violation.range.start));
  const fact = importer.facts.imports[i];
  const resolution = importer.resolutions[i];
  if (!fact || resolution?.kind !== 'file' || fact.names.length === 0 || fact.names.some((n) => n.imported === '*')) return undefined;

  const tracer = new ReExportTracer(index);
  const declaredIn = (file: string, name: string) => new Set(tracer.origins(file, name).map((o) => o.file));
  const wanted = fact.names.map((n) => ({ name: n.imported, origins: declaredIn(resolution.file, n.imported) }));
  const publicFiles = [...index.keys()]
    .filter((f) => map.moduleOf(f) === target && map.isPublic(target, f) && f !== resolution.file)
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const api of publicFiles) {
    const exportsAll = wanted.every(({ name, origins }) => [...declaredIn(api, name)].some((o) => origins.has(o)));
    if (!exportsAll) continue;
    const specifier = specifierCandidates(fact.specifier, resolution.file, violation.file, api).find((s) => resolve(s, violation.file) === api);
    if (!specifier) continue;
    const { start, end } = fact.range; // the literal with its quotes: replace what is inside them
    return {
      kind: 'public-api',
      rule: violation.rule,
      title: `Import from the public API of "${target.name}" ('${specifier}')`,
      edits: [{
        file: violation.file,
        range: { start: { line: start.line, column: start.column + 1 }, end: { line: end.line, column: end.column - 1 } },
        newText: specifier,
      }],
      isPreferred: true,
    };
  }
  return undefined;
}

function sameStart(a: { line: number; column: number }, b: { line: number; column: number }): boolean {
  return a.line === b.line && a.column === b.column;
}
