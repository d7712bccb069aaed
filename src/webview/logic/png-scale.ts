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
