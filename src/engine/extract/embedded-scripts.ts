/**
 * Single-file components (`.vue`, `.svelte`) and Astro pages keep their code in `<script>` blocks,
 * Astro also in its `---` frontmatter. Everything else is blanked out (each character but line
 * breaks becomes a space), so the code keeps its offsets, lines and columns and reads as one
 * TypeScript or JavaScript file: facts found in it point at the component's real lines.
 * Undefined for any other file.
 */
export function embeddedScript(fileName: string, text: string): { fileName: string; text: string } | undefined {
  const kind = COMPONENT.exec(fileName)?.[1];
  if (!kind) return undefined;
  const blocks: { start: number; end: number; lang: string }[] = [];
  if (kind === 'astro') {
    const frontmatter = FRONTMATTER.exec(text);
    if (frontmatter) blocks.push({ start: frontmatter[1].length, end: frontmatter[1].length + frontmatter[2].length, lang: 'ts' });
  }
  // Script tags inside HTML comments are no scripts.
  const searchable = text.replace(HTML_COMMENT, blank);
  for (const match of searchable.matchAll(SCRIPT)) {
    const start = match.index + match[0].length - match[2].length - match[3].length;
    const lang = LANG.exec(match[1])?.[2]?.toLowerCase() ?? (kind === 'astro' ? 'ts' : 'js');
    blocks.push({ start, end: start + match[2].length, lang });
  }
  let code = '';
  let at = 0;
  for (const block of blocks.sort((a, b) => a.start - b.start)) {
    code += blank(text.slice(at, block.start)) + text.slice(block.start, block.end);
    at = block.end;
  }
  code += blank(text.slice(at));
  const langs = new Set(blocks.map((b) => b.lang));
  const ext = langs.has('tsx') ? '.tsx' : langs.has('ts') ? '.ts' : langs.has('jsx') ? '.jsx' : '.js';
  return { fileName: fileName + ext, text: code };
}

const COMPONENT = /\.(vue|svelte|astro)$/;
/** `---` on the first line (after a byte order mark or blank lines), the code, `---` on a line of its own. */
const FRONTMATTER = /^(\uFEFF?\s*---[^\S\r\n]*\r?\n)([\s\S]*?)(?:\r?\n)---[^\S\r\n]*(?:\r?\n|$)/;
/** Attributes, contents, closing tag; the tag name is case-insensitive in HTML. */
const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)(<\/script\s*>)/gi;
const LANG = /\blang\s*=\s*(["']?)([\w-]+)\1/i;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;

/** The same number of characters, line breaks kept. */
function blank(text: string): string {
  return text.replace(/[^\r\n\u2028\u2029]/g, ' ');
}
