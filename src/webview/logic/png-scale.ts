import type { Box } from './geometry';

/** The largest PNG side a browser canvas draws reliably. */
const MAX_SIDE = 16000;

/**
 * The scale a PNG export draws the drawing at: fitted into the view's size, at twice its pixels
 * (a drawing smaller than the view at 2×). A 500-module drawing at its own size made PNGs of
 * 13–45 MB; fitted to a 1280×800 view at 2× it is 2,560 px wide at most.
 */
export function pngScale(bounds: Pick<Box, 'width' | 'height'>, view: { width: number; height: number }): number {
  const fit = view.width > 0 && view.height > 0 ? Math.min(1, view.width / bounds.width, view.height / bounds.height) : 1;
  return Math.min(2 * fit, MAX_SIDE / Math.max(bounds.width, bounds.height));
}

/** What a PNG export may weigh (the 3 MB), unless even the view's own size is more. */
export const PNG_BUDGET_BYTES = 3 * 1024 * 1024;

/**
 * The scales to try, largest first: `pngScale`, then smaller by a quarter each time, ending at the
 * view's own size (1× of the fitted drawing), below which labels would be smaller than on screen.
 */
export function pngScales(bounds: Pick<Box, 'width' | 'height'>, view: { width: number; height: number }): number[] {
  const first = pngScale(bounds, view);
  const floor = Math.min(first, first / 2);
  const scales = [first];
  for (let s = first * 0.75; s > floor; s *= 0.75) scales.push(s);
  if (scales[scales.length - 1] !== floor) scales.push(floor);
  return scales;
}
