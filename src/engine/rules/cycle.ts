import type { ModuleCrossing, ModuleCycle } from '../analyze';
import type { DependencyPolicy, ModuleMap } from '../map';
import type { Finding } from './rule';
import type { Rule } from './rule';

/** Modules named in a group's message; the rest are counted. */
const LISTED_MODULES = 8;
/** Dependencies to cut named in a group's message and related locations; the rest are counted. */
const LISTED_CUTS = 10;
/** Steps of a loop shown with their import sites; a ring of thousands of modules is summarised. */
const LISTED_STEPS = 12;

export const cycle: Rule = {
  id: 'cycle',
  workspaceFindings: ({ cycles, map, policy }) => cycleFindings(cycles, map, policy),
};

/** The findings of some module cycles: one per cycle the policy does not accept. */
export function cycleFindings(cycles: readonly ModuleCycle[], map: ModuleMap, policy: DependencyPolicy): Finding[] {
  return cycles
    .filter((c) => !policy.acceptedCycle(c.modules.map((name) => map.modules.get(name)!)))
    .map((c) => (c.kind === 'pair' ? pairFinding(c) : groupFinding(c)));
}

function pairFinding({ modules, loop, steps }: ModuleCycle): Finding {
  return {
    ...anchoredAt(steps[0]),
    identity: modules.join(' > '),
    message: `Module cycle: ${loopText(loop)} (${sitesText(steps)}). Break one step, e.g. by moving the shared part into its own module.`,
    related: steps.slice(1).map(relatedStep),
  };
}

function groupFinding({ modules, loop, steps, cut }: ModuleCycle): Finding {
  const listed = modules.length > LISTED_MODULES ? `${modules.slice(0, LISTED_MODULES).join(', ')} and ${modules.length - LISTED_MODULES} more` : modules.join(', ');
  const listedCut = cut.slice(0, LISTED_CUTS);
  const cuts = listedCut.map(({ site, imports }) => `${site.from.name} → ${site.to.name} (${imports} import${imports === 1 ? '' : 's'}, ${site.file}:${site.fact.range.start.line})`);
  if (cut.length > LISTED_CUTS) cuts.push(`and ${cut.length - LISTED_CUTS} more (the JSON result marks every dependency of the group inCycle)`);
  return {
    ...anchoredAt(steps[0]),
    identity: `group ${modules.join(' > ')}`,
    message:
      `Module cycle among ${modules.length} modules (${listed}), e.g. ${loopText(loop)} (${sitesText(steps)}). ` +
      `Removing ${cuts.length === 1 ? 'this dependency' : `these ${cuts.length} dependencies`} breaks every loop among them: ${cuts.join('; ')}.`,
    related: [
      ...steps.slice(1, LISTED_STEPS).map(relatedStep),
      ...listedCut.filter(({ site }) => !steps.includes(site)).map(({ site, imports }) => ({
        file: site.file,
        range: site.fact.range,
        message: `${site.from.name} → ${site.to.name}: a dependency to cut (${imports} import${imports === 1 ? '' : 's'}), imports "${site.fact.specifier}"`,
      })),
    ],
  };
}

function anchoredAt(anchor: ModuleCrossing): Omit<Finding, 'identity' | 'message' | 'related'> {
  return {
    rule: 'cycle',
    file: anchor.file,
    range: anchor.fact.range,
    sourceModule: anchor.from.name,
    targetModule: anchor.to.name,
    specifier: anchor.fact.specifier,
  };
}

function loopText(loop: readonly string[]): string {
  if (loop.length <= LISTED_STEPS) return [...loop, loop[0]].join(' → ');
  return `${loop.slice(0, LISTED_STEPS).join(' → ')} → … (${loop.length - LISTED_STEPS} more) → ${loop[0]}`;
}

function sitesText(steps: readonly ModuleCrossing[]): string {
  const listed = steps.slice(0, LISTED_STEPS).map((s) => `${s.from.name} → ${s.to.name} at ${s.file}:${s.fact.range.start.line}`);
  if (steps.length > LISTED_STEPS) listed.push(`${steps.length - LISTED_STEPS} more steps`);
  return listed.join('; ');
}

function relatedStep(s: ModuleCrossing): NonNullable<Finding['related']>[number] {
  return { file: s.file, range: s.fact.range, message: `${s.from.name} → ${s.to.name}: imports "${s.fact.specifier}"` };
}
