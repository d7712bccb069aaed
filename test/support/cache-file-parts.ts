import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/** A fact cache file's parts as text (see src/engine/cache/cache-file.ts), read by the header's lengths. */
export function readCacheParts(cacheFile: string): { header: Record<string, unknown>; summary: string; facts: string; amendments: string } {
  const bytes = fs.readFileSync(cacheFile);
  const headerEnd = bytes.indexOf(10);
  const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as { summaryBytes: number; factsBytes: number };
  const factsStart = headerEnd + 1 + header.summaryBytes + 1;
  return {
    header,
    summary: bytes.toString('utf8', headerEnd + 1, factsStart - 1),
    facts: bytes.toString('utf8', factsStart, factsStart + header.factsBytes),
    amendments: bytes.toString('utf8', factsStart + header.factsBytes + 1),
  };
}

/** Writes a cache file whose checksums and lengths fit its parts, as a hand edit or a buggy writer could. */
export function writeCacheParts(cacheFile: string, summary: string, facts: string, amendments = ''): void {
  const header = { checksum: sha1(summary), factsChecksum: sha1(facts), summaryBytes: Buffer.byteLength(summary), factsBytes: Buffer.byteLength(facts) };
  fs.writeFileSync(cacheFile, `${JSON.stringify(header)}\n${summary}\n${facts}\n${amendments}`);
}
