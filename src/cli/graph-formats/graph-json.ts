import type { Violation } from '../../engine';
import type { Reporter } from '../reporters/reporter';

/** The module graph: modules with file counts, dependencies with import and violation counts; with --since, what changed. */
export const graphJson: Reporter = (result, { diff }) =>
  `${JSON.stringify(
    {
      version: 1,
      modules: result.modules.map((m) => ({ name: m.name, files: m.fileCount, roots: m.roots, tags: m.tags })),
      dependencies: result.dependencies,
      ...(diff && {
        diff: {
          since: diff.since,
          modules: diff.modules,
          dependencies: diff.dependencies,
          violations: { added: diff.violations.added.map(brief), removed: diff.violations.removed.map(brief) },
        },
      }),
    },
    null,
    2,
  )}\n`;

/** A violation as the diff lists it: where, what, between which modules. */
function brief(v: Violation): Record<string, unknown> {
  return { rule: v.rule, severity: v.severity, file: v.file, line: v.range.start.line, column: v.range.start.column, sourceModule: v.sourceModule, targetModule: v.targetModule, message: v.message, fingerprint: v.fingerprint };
}
