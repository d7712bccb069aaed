import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { InputDiagnostic, Range } from '../model';
import { configDiagnostic } from './config-diagnostics';

/**
 * `ignore` entries read as in .gitignore: `!glob` takes back what earlier entries left out. A
 * bare "!" names nothing, and a negation before any plain entry has nothing to take back.
 */
export function checkIgnoreEntries(root: Node, rangeOf: (node: Node) => Range, file: string): InputDiagnostic[] {
  const list = findNodeAtLocation(root, ['ignore']);
  if (list?.type !== 'array') return [];
  const diagnostics: InputDiagnostic[] = [];
  let plainSeen = false;
  (list.children ?? []).forEach((item, i) => {
    if (item.type !== 'string') return;
    const glob = String(item.value);
    if (!glob.startsWith('!')) {
      plainSeen = true;
      return;
    }
    if (glob.replace(/^!+/, '') === '') {
      diagnostics.push(configDiagnostic(file, rangeOf(item), 'error', 'invalid-glob', `ignore[${i}] is "${glob}", which names no files: write the glob to take back after the "!" (e.g. "!packages/test/**").`));
    } else if (!plainSeen) {
      diagnostics.push(configDiagnostic(file, rangeOf(item), 'warning', 'invalid-glob', `ignore[${i}] takes back "${glob.slice(1)}", but no entry before it leaves anything out: a "!" entry only re-includes what earlier entries ignore.`));
    }
  });
  return diagnostics;
}
