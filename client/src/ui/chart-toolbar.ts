import { LAYOUT_NAMES, type LayoutName } from '../graph/chart-layouts.js';
import { h, icon } from './dom.js';
import { t, type StringKey } from './i18n.js';

/**
 * The buttons above the chart, each with an icon and a word (a first-time user reads
 * words, not icons) and a tooltip naming its key.
 */
export interface ToolbarActions {
  expand(): void;
  layout(name: LayoutName): void;
  lasso(): void;
  hide(): void;
  showHidden(): void;
  pin(): void;
  group(): void;
  ungroup(): void;
  remove(): void;
  undo(): void;
  redo(): void;
  fit(): void;
  zoom(factor: number): void;
  exportPng(): void;
  exportSvg(): void;
  exportEvidence(format: string): void;
  saveChart(): void;
  openChart(): void;
  clear(): void;
}

type IconName = Parameters<typeof icon>[0];

function button(id: string, iconName: IconName, label: StringKey, title: StringKey, onclick: () => void): HTMLButtonElement {
  return h('button', { class: 'tool', id: `tool-${id}`, type: 'button', i18nTitle: title, onclick }, icon(iconName), h('span', { i18n: label }));
}

export class ChartToolbar {
  readonly el: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  readonly lassoButton: HTMLButtonElement;

  constructor(actions: ToolbarActions) {
    this.undoButton = button('undo', 'undo', 'toolbar.undo', 'toolbar.undo', actions.undo);
    this.redoButton = button('redo', 'redo', 'toolbar.redo', 'toolbar.redo', actions.redo);
    this.lassoButton = button('lasso', 'lasso', 'toolbar.lasso', 'toolbar.lasso.title', actions.lasso);
    const layouts = h(
      'div',
      { class: 'tool-group', role: 'group', 'aria-label': t('toolbar.layout'), i18nTitle: 'toolbar.layout' },
      ...LAYOUT_NAMES.map((name) => h('button', { class: 'tool small', id: `layout-${name}`, type: 'button', i18nTitle: `layout.${name}.title` as StringKey, onclick: () => actions.layout(name), i18n: `layout.${name}` as StringKey })),
    );
    const exportMenu = h(
      'details',
      { class: 'tool-menu' },
      h('summary', { class: 'tool', id: 'tool-export' }, icon('export'), h('span', { i18n: 'toolbar.export' })),
      h(
        'div',
        { class: 'menu' },
        h('button', { type: 'button', id: 'export-png', onclick: () => close(actions.exportPng), i18n: 'toolbar.exportPng' }),
        h('button', { type: 'button', id: 'export-svg', onclick: () => close(actions.exportSvg), i18n: 'toolbar.exportSvg' }),
        h('div', { class: 'menu-title', i18n: 'toolbar.evidence' }),
        ...['PDF', 'ANX', 'GRAPHML', 'GEXF', 'CSV', 'CYTOSCAPE_JSON'].map((f) =>
          h('button', { type: 'button', id: `export-${f.toLowerCase()}`, onclick: () => close(() => actions.exportEvidence(f)), i18n: `export.format.${f}` as StringKey }),
        ),
        h('button', { type: 'button', id: 'export-package', onclick: () => close(() => actions.exportEvidence('PACKAGE')), i18n: 'export.format.PACKAGE' }),
      ),
    );
    const close = (fn: () => void) => {
      exportMenu.open = false;
      fn();
    };
    this.el = h(
      'div',
      { class: 'toolbar', role: 'toolbar' },
      button('expand', 'expand', 'toolbar.expand', 'toolbar.expand.title', actions.expand),
      layouts,
      h('span', { class: 'tool-sep' }),
      this.lassoButton,
      button('hide', 'hide', 'toolbar.hide', 'toolbar.hide.title', actions.hide),
      button('show', 'show', 'toolbar.showAll', 'toolbar.showAll.title', actions.showHidden),
      button('pin', 'pin', 'toolbar.pin', 'toolbar.pin.title', actions.pin),
      button('group', 'group', 'toolbar.group', 'toolbar.group.title', actions.group),
      button('remove', 'remove', 'toolbar.remove', 'toolbar.remove.title', actions.remove),
      h('span', { class: 'tool-sep' }),
      this.undoButton,
      this.redoButton,
      h('span', { class: 'tool-sep' }),
      button('fit', 'fit', 'toolbar.fit', 'toolbar.fit.title', actions.fit),
      h('span', { class: 'tool-sep' }),
      button('save', 'save', 'toolbar.save', 'toolbar.save.title', actions.saveChart),
      button('open', 'open', 'toolbar.open', 'toolbar.open.title', actions.openChart),
      exportMenu,
      button('clear', 'clear', 'toolbar.clear', 'toolbar.clear.title', actions.clear),
    );
  }

  setHistory(undo: string | null, redo: string | null): void {
    this.undoButton.disabled = undo === null;
    this.redoButton.disabled = redo === null;
    this.undoButton.title = t('toolbar.undo.title', { label: undo ?? t('toolbar.nothing') });
    this.redoButton.title = t('toolbar.redo.title', { label: redo ?? t('toolbar.nothing') });
  }

  setLasso(on: boolean): void {
    this.lassoButton.classList.toggle('on', on);
    this.lassoButton.setAttribute('aria-pressed', String(on));
  }
}
