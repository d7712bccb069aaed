import type { FoundModule, ModuleKind } from './found-module';

const WHY: Record<ModuleKind, string> = {
  nx: 'Nx projects (project.json), public API from the tsconfig path aliases into them, else src/index.ts',
  package: 'workspace packages (package.json), public API from their exports/types/main entry points',
  nest: 'NestJS feature modules (@Module classes), public API: the *.module.ts and the providers its exports name',
  container: 'folders under a modules/features/components/plugins container',
  context: 'DDD bounded contexts (folders with domain/application/infrastructure layers)',
  index: 'folders with an index file (their public API)',
  shared: 'shared kernel folders (shared/common/core/utils)',
  folder: 'other folders holding sources no module owns',
  entry: "the root package's own entry files in its source folder",
};

/** One line per kind of module found: how many, which, and why. */
export function describeModules(found: readonly FoundModule[]): string[] {
  const lines: string[] = [];
  for (const kind of Object.keys(WHY) as ModuleKind[]) {
    const of = found.filter((m) => m.kind === kind);
    if (of.length === 0) continue;
    const names = of.map((m) => m.name ?? m.folder);
    const open = of.filter((m) => m.public?.includes('**')).length;
    const layered = of.filter((m) => m.public?.includes('domain/**')).length;
    const openNote =
      (open > 0 ? ` ${open} without an entry file ${open === 1 ? 'is' : 'are'} public as a whole ("public": ["**"]); narrow ${open === 1 ? 'it' : 'them'} if ${open === 1 ? 'it' : 'they'} should have an API.` : '') +
      (layered > 0 ? ` ${layered} without an entry file expose${layered === 1 ? 's its' : ' their'} domain and application layers (infrastructure stays internal).` : '');
    const why = WHY[kind].charAt(0).toUpperCase() + WHY[kind].slice(1);
    lines.push(`${why}: ${of.length} (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}).${openNote}`);
  }
  return lines;
}
