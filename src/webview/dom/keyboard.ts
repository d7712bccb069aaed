/**
 * Keys: `/` search, Escape clears, + / - / 0 zoom and fit, arrow keys pan (or, on a module, move
 * to the previous/next box in reading order), Enter on a module shows its details, on a group
 * opens or closes it. The matrix
 * handles its own keys (dom/matrix-view.ts); only `/` and Escape reach here while it is shown.
 */
import type { PanZoom } from './pan-zoom';
import type { Toolbar } from './toolbar';

/** What the keys move: the graph or the layers drawing (both have boxes with a `data-key`). */
export interface Drawing {
  readonly panZoom: PanZoom;
  fit(): void;
  nodeOrder(): string[];
  focusNode(key: string): void;
}

export function bindKeyboard(drawing: () => Drawing | undefined, toolbar: Toolbar, actions: { clearSelection(): void }): void {
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (e.key === 'Escape') {
      if (typing) target.blur();
      actions.clearSelection();
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '/') {
      e.preventDefault();
      toolbar.search.focus();
      return;
    }
    // Zoom, pan and module steps move a drawing the matrix hides (it handles its own arrows).
    const view = drawing();
    if (!view) return;
    const box = target.closest?.('[data-key]') ?? undefined;
    const key = box?.getAttribute('data-key') ?? undefined;
    const module = box?.getAttribute('data-module') ?? undefined;
    switch (e.key) {
      case '+':
      case '=':
        view.panZoom.zoomBy(1.25);
        break;
      case '-':
        view.panZoom.zoomBy(0.8);
        break;
      case '0':
        view.fit();
        break;
      case 'ArrowDown':
      case 'ArrowUp':
      case 'ArrowLeft':
      case 'ArrowRight': {
        e.preventDefault();
        if (key !== undefined) {
          const order = view.nodeOrder();
          const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1;
          const next = order[(order.indexOf(key) + step + order.length) % order.length];
          if (next !== undefined) view.focusNode(next);
        } else {
          const d = 60;
          view.panZoom.pan(e.key === 'ArrowLeft' ? d : e.key === 'ArrowRight' ? -d : 0, e.key === 'ArrowUp' ? d : e.key === 'ArrowDown' ? -d : 0);
        }
        break;
      }
      case 'n':
        if (module !== undefined) toolbar.setFocus(module);
        break;
      default:
    }
  });
}
