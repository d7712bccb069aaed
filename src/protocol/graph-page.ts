/**
 * The HTML page around the graph app, for both the VS Code webview (scripts and styles from
 * webview URIs) and the CLI's self-contained export (both inlined). Only the caller's constants
 * go into markup; the model travels as JSON in a non-executed <script type="application/json">.
 */
export interface GraphPageParts {
  /** The Content-Security-Policy, with the nonce in it. */
  csp: string;
  nonce: string;
  title: string;
  style: { href: string } | { inline: string };
  script: { src: string } | { inline: string };
  /**
   * ELK as its own script after the app's (the VS Code panel): `async`, so the app says "ready"
   * and asks for the model while the browser parses it. Its id is ENGINE_SCRIPT_ID.
   */
  engineScript?: { src: string } | { inline: string };
  /** The embedded model (HTML export only). */
  dataJson?: string;
  /** A script carried as deflate-raw + base64 data, unpacked by the app when needed (HTML export: ELK). */
  packedScript?: { id: string; base64: string };
  bodyClass?: string;
}

/** The `<script>` element that loads ELK in the VS Code panel (read by src/webview/layout-engine-script.ts). */
export const ENGINE_SCRIPT_ID = 'bulkhead-layout-engine-script';

export function graphPageHtml(p: GraphPageParts): string {
  const style = 'href' in p.style ? `<link rel="stylesheet" href="${attr(p.style.href)}" nonce="${p.nonce}">` : `<style nonce="${p.nonce}">${inlineText(p.style.inline, 'style')}</style>`;
  const script = 'src' in p.script ? `<script nonce="${p.nonce}" src="${attr(p.script.src)}"></script>` : `<script nonce="${p.nonce}">${inlineText(p.script.inline, 'script')}</script>`;
  const engine = p.engineScript === undefined ? '' : 'src' in p.engineScript
    ? `\n<script nonce="${p.nonce}" id="${ENGINE_SCRIPT_ID}" src="${attr(p.engineScript.src)}" async></script>`
    : `\n<script nonce="${p.nonce}" id="${ENGINE_SCRIPT_ID}">${inlineText(p.engineScript.inline, 'script')}</script>`;
  const data = p.dataJson === undefined ? '' : `<script type="application/json" id="bulkhead-graph-data">${jsonForScript(p.dataJson)}</script>\n`;
  // Base64 has no "<", so nothing in it can end the element; the type keeps it from running.
  const packed = p.packedScript === undefined ? '' : `<script type="application/octet-stream" id="${attr(p.packedScript.id)}">${p.packedScript.base64}</script>\n`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(p.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(p.title)}</title>
${style}
</head>
<body class="${attr(p.bodyClass ?? '')}">
<div id="app"></div>
${data}${packed}${script}${engine}
</body>
</html>
`;
}

/** JSON inside <script>: no `</script>`, `<!--` or line separators can end or change the element. */
export function jsonForScript(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A bundled script or stylesheet inlined: it must not close its own element early. */
function inlineText(source: string, tag: 'script' | 'style'): string {
  return source.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const text = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** 128 random bits, base64: fresh for every page load. */
export function makeNonce(random: (bytes: number) => Uint8Array): string {
  return btoa(String.fromCharCode(...random(16)));
}
