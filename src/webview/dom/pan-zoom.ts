/** Wheel to zoom around the pointer, drag the background to pan; the transform lives on one group. */
import type { Box } from '../logic/geometry';

export class PanZoom {
  private x = 0;
  private y = 0;
  private k = 1;
  /** Whether the user zoomed or panned: then a resize no longer re-fits the view. */
  moved = false;

  constructor(private readonly svg: SVGSVGElement, private readonly viewport: SVGGElement) {
    svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      this.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    let drag: { x: number; y: number } | undefined;
    svg.addEventListener('pointerdown', (e) => {
      // Boxes and edges are clicked, not dragged (capturing the pointer would retarget the click).
      if ((e.target as Element).closest('.node, .cluster, .group-label, .edge, [data-key], .layer-edge')) return;
      drag = { x: e.clientX, y: e.clientY };
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      this.moved = true;
      this.x += e.clientX - drag.x;
      this.y += e.clientY - drag.y;
      drag = { x: e.clientX, y: e.clientY };
      this.apply();
    });
    const end = () => (drag = undefined);
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
  }

  zoomAt(factor: number, cx: number, cy: number): void {
    this.moved = true;
    const k = Math.min(4, Math.max(0.05, this.k * factor));
    this.x = cx - ((cx - this.x) * k) / this.k;
    this.y = cy - ((cy - this.y) * k) / this.k;
    this.k = k;
    this.apply();
  }

  zoomBy(factor: number): void {
    const r = this.svg.getBoundingClientRect();
    this.zoomAt(factor, r.width / 2, r.height / 2);
  }

  pan(dx: number, dy: number): void {
    this.moved = true;
    this.x += dx;
    this.y += dy;
    this.apply();
  }

  /** Shows `box` whole, enlarged at most to 150 % (a six-module graph should not fill a wall). */
  fit(box: Box | undefined): void {
    const r = this.svg.getBoundingClientRect();
    if (!box || r.width === 0 || r.height === 0) return;
    this.moved = false;
    this.k = Math.min(1.5, r.width / box.width, r.height / box.height);
    this.x = (r.width - box.width * this.k) / 2 - box.x * this.k;
    this.y = (r.height - box.height * this.k) / 2 - box.y * this.k;
    this.apply();
  }

  /** Brings a box into view without changing the zoom, when it is outside. */
  reveal(box: Box): void {
    const r = this.svg.getBoundingClientRect();
    const left = box.x * this.k + this.x;
    const top = box.y * this.k + this.y;
    if (left < 0 || top < 0 || left + box.width * this.k > r.width || top + box.height * this.k > r.height) {
      this.x = r.width / 2 - (box.x + box.width / 2) * this.k;
      this.y = r.height / 2 - (box.y + box.height / 2) * this.k;
      this.apply();
    }
  }

  private apply(): void {
    this.viewport.setAttribute('transform', `translate(${this.x.toFixed(1)},${this.y.toFixed(1)}) scale(${this.k.toFixed(4)})`);
  }
}
