import type { Rule } from './rule';

export const undeclaredDependency: Rule = {
  id: 'undeclared-dependency',
  workspaceFindings({ crossings, policy }) {
    return crossings.flatMap((c) => {
      const verdict = policy.verdict(c.from, c.to);
      if (verdict.allowed) return [];
      const through = c.reExport
        ? ` through "${c.reExport.name}", which ${c.reExport.origin.via.map((v) => `${v.file}:${v.line}`).join(' → ')} re-exports from ${c.reExport.origin.file}`
        : '';
      return [{
        rule: 'undeclared-dependency' as const,
        file: c.file,
        range: c.fact.range,
        sourceModule: c.from.name,
        targetModule: c.to.name,
        specifier: c.fact.specifier,
        message: `Module "${c.from.name}" depends on "${c.to.name}"${through}, which the module map does not allow: ${verdict.reason}.`,
        related: c.reExport?.origin.via.map((v) => ({
          file: v.file,
          range: { start: { line: v.line, column: 1 }, end: { line: v.line, column: 1 } },
          message: `re-export of "${c.reExport!.name}"`,
        })),
      }];
    });
  },
};
