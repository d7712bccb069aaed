/** The module a file belongs to, from the result's module roots (deepest root wins, as in the map). */
import type { ModuleSummary } from '../engine';

/** `file` is workspace-relative with `/` separators. */
export function moduleOfFile(modules: readonly ModuleSummary[], file: string): string | undefined {
  let best: { name: string; depth: number } | undefined;
  for (const m of modules) {
    for (const root of m.roots) {
      const r = root.replace(/\/+$/, '');
      if (r === '' || r === '.' || file === r || file.startsWith(`${r}/`)) {
        const depth = r === '' || r === '.' ? 0 : r.split('/').length;
        if (!best || depth > best.depth) best = { name: m.name, depth };
      }
    }
  }
  return best?.name;
}
