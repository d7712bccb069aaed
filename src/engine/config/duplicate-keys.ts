import type { Node } from 'jsonc-parser';
import type { InputDiagnostic, Range } from '../model';
import { configDiagnostic } from './config-diagnostics';

/**
 * JSON parsers keep the last of two equal keys without a word, so a second `"modules": []` left a
 * map of no modules that passed. Every repeated key, at any depth, is an error at the repeat.
 */
export function duplicateKeyDiagnostics(root: Node, rangeOf: (node: Node) => Range, file: string): InputDiagnostic[] {
  const diagnostics: InputDiagnostic[] = [];
  // A loop, not recursion: a hostile config may nest thousands of levels deep.
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'object') {
      const first = new Map<string, Node>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const earlier = first.get(key);
        if (earlier) {
          const at = rangeOf(earlier).start;
          diagnostics.push(configDiagnostic(file, rangeOf(keyNode), 'error', 'invalid-config',
            `Duplicate property "${key}": it is already set at line ${at.line}, column ${at.column}, and only one of them would be used. Merge them into one.`));
        } else first.set(key, keyNode);
      }
    }
    stack.push(...(node.children ?? []));
  }
  return diagnostics;
}
