/**
 * SVG and PNG of the current view: a copy of the drawing without hidden elements, cropped to what
 * is visible, with the theme's colours written into a <style> so the file stands alone.
 */
import type { Box } from '../logic/geometry';
import { PNG_BUDGET_BYTES, pngScales } from '../logic/png-scale';

const STYLED = [
  ['--bh-bg', 'background'],
  ['--bh-fg', 'text'],
  ['--bh-muted', 'muted'],
  ['--bh-node-bg', 'node'],
  ['--bh-node-border', 'border'],
  ['--bh-edge', 'edge'],
  ['--bh-error', 'error'],
  ['--bh-cycle', 'cycle'],
  ['--bh-group-bg', 'group'],
  ['--bh-active', 'active'],
] as const;

export function exportSvg(source: SVGSVGElement, bounds: Box): string {
  const copy = source.cloneNode(true) as SVGSVGElement;
  copy.querySelectorAll('.hidden, .hit').forEach((el) => el.remove());
  // data-* attributes are the app's bookkeeping, and a group's key holds a NUL, which no XML file
  // may: an SVG with one does not open (nor decode into the PNG).
  for (const el of copy.querySelectorAll('*')) for (const a of [...el.attributes]) if (a.name.startsWith('data-')) el.removeAttribute(a.name);
  copy.querySelector('.viewport')?.removeAttribute('transform');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('viewBox', `${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`);
  copy.setAttribute('width', String(Math.ceil(bounds.width)));
  copy.setAttribute('height', String(Math.ceil(bounds.height)));
  copy.removeAttribute('class');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = exportCss(getComputedStyle(document.body));
  copy.insertBefore(style, copy.firstChild);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, class: 'background' })) background.setAttribute(k, String(v));
  copy.insertBefore(background, style.nextSibling);
  return new XMLSerializer().serializeToString(copy);
}

/**
 * Renders the SVG into a canvas at `pngScale` and returns a PNG data URL. A dense drawing (the
 * layers of 500 modules: 3.5 MB at 2×) is drawn again at a smaller scale until it fits
 * `PNG_BUDGET_BYTES`, down to the view's own size, where it stays whatever its size.
 */
export async function exportPng(svgText: string, bounds: Box, view: { width: number; height: number }): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${base64(svgText)}`;
  await image.decode();
  const scales = pngScales(bounds, view);
  let url = '';
  for (const scale of scales) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(bounds.width * scale);
    canvas.height = Math.ceil(bounds.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, bounds.width, bounds.height);
    url = canvas.toDataURL('image/png');
    if (dataUrlBytes(url) <= PNG_BUDGET_BYTES) break;
  }
  return url;
}

/** Bytes of the file a base64 data URL holds. */
function dataUrlBytes(url: string): number {
  return Math.floor(((url.length - url.indexOf(',') - 1) * 3) / 4);
}

function exportCss(computed: CSSStyleDeclaration): string {
  const colour = Object.fromEntries(STYLED.map(([variable, name]) => [name, computed.getPropertyValue(variable).trim() || '#888']));
  const font = computed.getPropertyValue('font-family') || 'sans-serif';
  return [
    `svg { font-family: ${font}; font-size: 12px; }`,
    `.background { fill: ${colour.background}; }`,
    `.group { fill: ${colour.group}; stroke: none; }`,
    `.group-label { fill: ${colour.muted}; font-size: 13px; font-weight: 600; text-transform: uppercase; }`,
    `.cluster rect { fill: ${colour.group}; stroke: ${colour.border}; stroke-width: 2; }`,
    `.cluster.violating rect { stroke: ${colour.error}; stroke-width: 3; }`,
    `.cluster.cycle rect { stroke-dasharray: 6 3; }`,
    `.cluster .name { fill: ${colour.text}; font-weight: 700; font-size: 16px; }`,
    `.cluster .files { fill: ${colour.muted}; font-size: 12px; }`,
    `.node rect { fill: ${colour.node}; stroke: ${colour.border}; stroke-width: 1; }`,
    `.node.violating rect { stroke: ${colour.error}; stroke-width: 2; }`,
    `.node.cycle rect { stroke-dasharray: 4 2; }`,
    `.node.active rect { stroke: ${colour.active}; stroke-width: 3; }`,
    `.node .name { fill: ${colour.text}; font-weight: 600; }`,
    `.node .files { fill: ${colour.muted}; font-size: 10px; }`,
    `.edge .line { fill: none; stroke: ${colour.edge}; stroke-opacity: 0.7; }`,
    `.edge.unused .line { stroke-dasharray: 3 4; stroke-opacity: 0.35; }`,
    `.edge.undeclared .line { stroke-dasharray: 6 3; }`,
    `.edge.violation .line { stroke: ${colour.error}; stroke-opacity: 1; }`,
    `.edge.cycle .line, .edge.in-cycle .line { stroke: ${colour.cycle}; stroke-opacity: 1; }`,
    `.edge.violation.in-cycle .line { stroke: ${colour.error}; }`,
    `.edge .label { fill: ${colour.error}; font-size: 11px; font-weight: 700; }`,
    `.edge.summed .label { fill: ${colour.muted}; font-weight: 600; } .edge.summed.violation .label { fill: ${colour.error}; }`,
    `.arrow { fill: ${colour.edge}; } .arrow-violation { fill: ${colour.error}; } .arrow-cycle { fill: ${colour.cycle}; } .arrow-unused { fill: ${colour.muted}; }`,
    `.edge.added .line { stroke: #1a7f37; stroke-opacity: 1; } .edge.removed .line { stroke: ${colour.muted}; stroke-dasharray: 5 4; }`,
    // The layers view.
    `.band rect { fill: ${colour.group}; fill-opacity: 0.6; } .band .level { fill: ${colour.muted}; font-weight: 700; }`,
    `.cycle-frame { fill: none; stroke: ${colour.error}; stroke-width: 2; }`,
    `.layer-module rect, .layer-unit rect, .layer-head rect { fill: ${colour.node}; stroke: ${colour.border}; stroke-width: 1; }`,
    `.layer-unit rect, .layer-head rect { fill: ${colour.group}; stroke-width: 2; } .layer-head rect { stroke-dasharray: 4 2; }`,
    `.layer-module .name, .layer-unit .name, .layer-head .name { fill: ${colour.text}; font-weight: 600; }`,
    `.layer-module.violating rect, .layer-unit.violating rect { stroke: ${colour.error}; stroke-width: 2; }`,
    `.layer-edge .line { fill: none; stroke: ${colour.edge}; stroke-opacity: 0.45; }`,
    `.layer-edge.cycle .line, .layer-edge.cut .line, .layer-edge.up .line { stroke: ${colour.error}; stroke-opacity: 1; } .layer-edge.cut .line { stroke-dasharray: 7 4; stroke-width: 2.5; }`,
    `.layer-edge.added.down .line { stroke: #1a7f37; stroke-opacity: 1; }`,
    `.layer-edge .label { fill: ${colour.error}; font-size: 11px; font-weight: 700; }`,
    `.layer-arrow-down { fill: ${colour.edge}; } .layer-arrow-against { fill: ${colour.error}; }`,
  ].join('\n');
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
