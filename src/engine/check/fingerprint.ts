import { createHash } from 'node:crypto';
import type { Finding } from '../rules';

/**
 * Gives each finding an identity that survives line moves and unrelated edits: the rule, the file,
 * what it is about (modules and specifier, or the rule's own identity), and its occurrence among
 * findings with the same key in that file. Findings must be in document order.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = [f.rule, f.file, f.identity ?? [f.sourceModule ?? '', f.targetModule ?? '', f.specifier ?? ''].join('\u0001')].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 20);
  });
}
