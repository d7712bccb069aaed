import type { Reporter } from '../reporters/reporter';

/** The module graph: modules with file counts, dependencies with import and violation counts. */
export const graphJson: Reporter = (result) =>
  `${JSON.stringify(
    {
      version: 1,
      modules: result.modules.map((m) => ({ name: m.name, files: m.fileCount, roots: m.roots, tags: m.tags })),
      dependencies: result.dependencies,
    },
    null,
    2,
  )}\n`;
