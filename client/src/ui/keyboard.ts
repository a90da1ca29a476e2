import type { LayoutName } from '../graph/chart-layouts.js';

/** The page's keys; none fires while typing in a field or with a dialog open. */
export interface KeyActions {
  search(): void;
  expand(): void;
  remove(): void;
  hide(): void;
  pin(): void;
  group(): void;
  lasso(): void;
  fit(): void;
  zoom(factor: number): void;
  layout(name: LayoutName): void;
  undo(): void;
  redo(): void;
  /** Ctrl+S / Ctrl+O: save the chart, open a saved one (where the post may). */
  saveChart(): void;
  openChart(): void;
  escape(): void;
}

const LAYOUT_KEYS: Record<string, LayoutName> = { '1': 'force', '2': 'concentric', '3': 'hierarchy', '4': 'trajectory' };

export function bindKeys(a: KeyActions): () => void {
  const handler = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
    if (document.querySelector('dialog[open]')) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && (e.key === 'z' || e.key === 'Z') && !typing) {
      e.preventDefault();
      if (e.shiftKey) a.redo();
      else a.undo();
      return;
    }
    if (mod && (e.key === 'y' || e.key === 'Y') && !typing) {
      e.preventDefault();
      a.redo();
      return;
    }
    // The browser's own "save page" and "open file" mean nothing here: the chart's do.
    if (mod && !e.altKey && !e.shiftKey && (e.key === 's' || e.key === 'S' || e.key === 'o' || e.key === 'O')) {
      e.preventDefault();
      if (e.key === 's' || e.key === 'S') a.saveChart();
      else a.openChart();
      return;
    }
    if (e.key === 'Escape') {
      if (typing) (target as HTMLElement).blur();
      a.escape();
      return;
    }
    if (typing || mod || e.altKey) return;
    const layout = LAYOUT_KEYS[e.key];
    if (layout) return a.layout(layout);
    switch (e.key) {
      case '/':
        e.preventDefault();
        return a.search();
      case 'e':
      case 'E':
        return a.expand();
      case 'Delete':
      case 'Backspace':
        return a.remove();
      case 'h':
      case 'H':
        return a.hide();
      case 'p':
      case 'P':
        return a.pin();
      case 'g':
      case 'G':
        return a.group();
      case 'l':
      case 'L':
        return a.lasso();
      case 'f':
      case 'F':
        return a.fit();
      case '+':
      case '=':
        return a.zoom(1.3);
      case '-':
        return a.zoom(1 / 1.3);
    }
  };
  document.addEventListener('keydown', handler);
  return () => document.removeEventListener('keydown', handler);
}
