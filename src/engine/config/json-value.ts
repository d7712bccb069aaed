import type { Node } from 'jsonc-parser';

/**
 * The value of a parsed JSON tree, like jsonc-parser's getNodeValue, except that every key becomes
 * an own property: `"__proto__"` or `"constructor"` in an untrusted bulkhead.json is data, never a
 * prototype (getNodeValue assigns `obj[key] = …`, which sets the prototype for `__proto__`).
 */
export function jsonValue(node: Node): unknown {
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map(jsonValue);
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (!key || !value) continue;
        Object.defineProperty(obj, String(key.value), { value: jsonValue(value), enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    default:
      return node.value;
  }
}
