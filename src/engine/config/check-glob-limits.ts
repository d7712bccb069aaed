import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { GLOB_LIMITS, globLimitProblem } from '../glob';
import type { InputDiagnostic, Range } from '../model';
import { configDiagnostic } from './config-diagnostics';

/** Where bulkhead.json holds globs (paths, selectors, table and driver patterns). */
const TOP_LEVEL_GLOBS = [['include'], ['ignore'], ['database', 'allowedIn'], ['database', 'drivers'], ['database', 'sharedAccess'], ['database', 'tableHolders']];
const MODULE_GLOBS = ['name', 'path', 'public', 'dependsOn', 'tables'];
const CONSTRAINT_GLOBS = ['from', 'allow', 'deny', 'allowPackages', 'denyPackages'];
const ACCEPTED_CYCLE_GLOBS = ['modules'];

/**
 * Reports every glob over GLOB_LIMITS at its position ('invalid-glob'). The engine's compiler
 * (compileGlob) never runs such a glob, so this is what tells the user why it matches nothing.
 */
export function checkGlobLimits(root: Node, rangeOf: (node: Node) => Range, file: string): InputDiagnostic[] {
  const diagnostics: InputDiagnostic[] = [];
  const visit = (node: Node | undefined, where: string): void => {
    if (!node) return;
    if (node.type === 'array') (node.children ?? []).forEach((item, i) => visit(item, `${where}[${i}]`));
    if (node.type !== 'string') return;
    const problem = globLimitProblem(String(node.value));
    if (problem) diagnostics.push(configDiagnostic(file, rangeOf(node), 'error', 'invalid-glob', `The glob in ${where} ${problem} (Limits keep matching fast: ${describeLimits()}.)`));
  };
  for (const path of TOP_LEVEL_GLOBS) visit(findNodeAtLocation(root, path), path.join('.'));
  for (const [list, fields] of [['modules', MODULE_GLOBS], ['constraints', CONSTRAINT_GLOBS], ['acceptedCycles', ACCEPTED_CYCLE_GLOBS]] as const) {
    const items = findNodeAtLocation(root, [list]);
    if (items?.type !== 'array') continue;
    (items.children ?? []).forEach((item, i) => {
      for (const field of fields) visit(findNodeAtLocation(item, [field]), `${list}[${i}].${field}`);
    });
  }
  return diagnostics;
}

function describeLimits(): string {
  const l = GLOB_LIMITS;
  return `${l.length} characters, ${l.starsPerSegment} wildcards per path segment, ${l.globstars} "**", ${l.braceExpansions} brace expansions`;
}
