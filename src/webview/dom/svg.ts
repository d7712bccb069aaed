/**
 * The only way this app creates elements: attributes are set one by one and text goes into text
 * nodes, so a module named `<img onerror=…>` stays a string.
 */
export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  parent?.appendChild(el);
  return el;
}

export function html<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, parent?: Element): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  parent?.appendChild(el);
  return el;
}

export function svgText(text: string, attrs: Record<string, string | number>, parent: Element): SVGTextElement {
  const el = svg('text', attrs, parent);
  el.textContent = text;
  return el;
}
