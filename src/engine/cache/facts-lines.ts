/**
 * The cache's facts are one JSON object with one member per line (JSON allows line breaks between
 * members, and JSON.stringify never writes one inside a string). A run that changed a few files'
 * facts replaces those lines and copies every other byte, instead of encoding thousands of entries
 * again.
 */
export function factsText(entries: Readonly<Record<string, unknown>>): string {
  return `{\n${Object.entries(entries).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',\n')}\n}`;
}

/**
 * `bytes` (as `factsText` wrote them) with the members named in `replaced` given new values;
 * undefined when one of them is not there (the caller then writes every entry).
 */
export function replaceMembers(bytes: Buffer, replaced: ReadonlyMap<string, unknown>): Buffer | undefined {
  const prefixes = [...replaced.keys()].map((key) => ({ key, prefix: Buffer.from(`${JSON.stringify(key)}:`) }));
  const parts: Buffer[] = [];
  const found = new Set<string>();
  let copiedTo = 0;
  for (let start = bytes.indexOf(10) + 1; start > 0 && start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline < 0 ? bytes.length : newline;
    const hit = prefixes.find(({ prefix }) => end - start > prefix.length && bytes.subarray(start, start + prefix.length).equals(prefix));
    if (hit) {
      const comma = bytes[end - 1] === 0x2c ? ',' : '';
      parts.push(bytes.subarray(copiedTo, start), Buffer.from(`${hit.prefix.toString()}${JSON.stringify(replaced.get(hit.key))}${comma}`));
      copiedTo = end;
      found.add(hit.key);
    }
    start = end + 1;
  }
  if (found.size !== replaced.size) return undefined;
  parts.push(bytes.subarray(copiedTo));
  return Buffer.concat(parts);
}
