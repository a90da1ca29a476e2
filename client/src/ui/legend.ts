import { legendImage } from '../graph/node-images.js';
import { TAG_COLOR, type VisualKind, type WatchTag } from '../graph/visual-kinds.js';
import { h } from './dom.js';
import { t, type StringKey } from './i18n.js';

/** The chart's key: what each picture means, and the watch-list badges. */
const KINDS: VisualKind[] = ['person', 'hotel', 'cafe', 'checkpoint', 'market', 'case', 'phone', 'vehicle', 'station', 'more'];
const TAGS: WatchTag[] = ['FUGITIVE', 'DRUG_USER', 'EX_OFFENDER'];

export function buildLegend(): HTMLElement {
  const details = h(
    'details',
    { class: 'legend', open: true, id: 'legend' },
    h('summary', { i18n: 'chart.legend' }),
    h(
      'ul',
      {},
      ...KINDS.map((k) => h('li', {}, h('img', { src: legendImage(k), alt: '', width: 20, height: 20 }), h('span', { i18n: `vkind.${k}` as StringKey }))),
      ...TAGS.map((tag) =>
        h('li', {}, h('span', { class: 'legend-badge', style: `background:${TAG_COLOR[tag]}`, 'data-i18n': `badge.${tag}` }, t(`badge.${tag}` as StringKey)), h('span', { i18n: `tag.${tag}` as StringKey })),
      ),
    ),
  );
  return details;
}
