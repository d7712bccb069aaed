import type { Rule } from './rule';

export const cycle: Rule = {
  id: 'cycle',
  workspaceFindings({ cycles }) {
    return cycles.map(({ modules, steps }) => {
      const anchor = steps[0];
      const loop = [...modules, modules[0]].join(' → ');
      const sites = steps.map((s) => `${s.from.name} → ${s.to.name} at ${s.file}:${s.fact.range.start.line}`).join('; ');
      return {
        rule: 'cycle' as const,
        file: anchor.file,
        range: anchor.fact.range,
        sourceModule: anchor.from.name,
        targetModule: anchor.to.name,
        specifier: anchor.fact.specifier,
        identity: modules.join(' > '),
        message: `Module cycle: ${loop} (${sites}). Break one step, e.g. by moving the shared part into its own module.`,
        related: steps.slice(1).map((s) => ({
          file: s.file,
          range: s.fact.range,
          message: `${s.from.name} → ${s.to.name}: imports "${s.fact.specifier}"`,
        })),
      };
    });
  },
};
