import type { TextMeasure } from '../logic/geometry';

/**
 * Label widths as the view draws them: a canvas in the page's own font family (VS Code's UI font
 * in the panel, the system's in the export). Undefined where the page has no 2D canvas.
 */
export function canvasTextMeasure(fontFamily: string): TextMeasure | undefined {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  const known = new Map<string, number>();
  return (text, px, weight) => {
    const key = `${weight} ${px}\u0000${text}`;
    let width = known.get(key);
    if (width === undefined) {
      context.font = `${weight} ${px}px ${fontFamily}`;
      width = context.measureText(text).width;
      known.set(key, width);
    }
    return width;
  };
}
