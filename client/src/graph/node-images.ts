import { KIND_LOOK, TAG_COLOR, type VisualKind, type WatchTag } from './visual-kinds.js';

/**
 * Each node is drawn as one small SVG picture: the kind's coloured shape, a white glyph,
 * and a lettered badge per watch-list tag. Pictures are cached per (kind, tags, language),
 * so a chart of thousands of persons shares a handful of images.
 */
const GLYPHS: Record<VisualKind, string> = {
  person: '<circle cx="12" cy="7.5" r="4"/><path d="M4 21c0-4.6 3.6-7.5 8-7.5s8 2.9 8 7.5z"/>',
  hotel: '<path d="M2 19V6h2.4v8H11V9h7.5A3.5 3.5 0 0 1 22 12.5V19h-2.4v-2.4H4.4V19z"/><circle cx="7.6" cy="11" r="2.2"/>',
  cafe: '<rect x="2.5" y="4" width="19" height="12.5" rx="1.6"/><path d="M8 21h8v-1.6h-2.6v-3h-2.8v3H8z"/>',
  checkpoint: '<path d="M2.5 8.5 16 4.5l2.2 5.6-13.4 4z"/><path d="M18.5 6.5l3-1 .9 2.8-3 1z"/><path d="M9.5 13.5h2.4v3.8H6.2V22H3.8v-7h5.7z"/>',
  market: '<path d="M3 9.5 4.8 3.5h14.4L21 9.5z"/><path d="M4.5 11h15v10h-5.7v-5.5h-3.6V21H4.5z"/>',
  address: '<path d="M2.5 11.5 12 3.5l9.5 8H19V21h-5v-6h-4v6H5v-9.5z"/>',
  place: '<path d="M12 2a7 7 0 0 1 7 7c0 5.2-7 13-7 13S5 14.2 5 9a7 7 0 0 1 7-7zm0 4.2A2.8 2.8 0 1 0 12 11.8 2.8 2.8 0 0 0 12 6.2z"/>',
  case: '<path d="M5 2.5h9.5L19.5 7.5V21.5H5zM8 11h8.5v1.6H8zm0 3.6h8.5v1.6H8zm0 3.6h5.5v1.6H8z"/>',
  phone: '<path d="M6.6 2.5h3.6l1.9 4.9-2.5 1.6a11 11 0 0 0 5.4 5.4l1.6-2.5 4.9 1.9v3.6a2.2 2.2 0 0 1-2.4 2.2A17 17 0 0 1 4.4 4.9 2.2 2.2 0 0 1 6.6 2.5z"/>',
  vehicle: '<path d="M4.5 11 6.8 5.2h10.4L19.5 11H21v6.5h-2V20h-3v-2.5H8V20H5v-2.5H3V11zM7.7 7.2 6.4 11h11.2l-1.3-3.8z"/><circle cx="7" cy="14" r="1.5" fill="#0891b2"/><circle cx="17" cy="14" r="1.5" fill="#0891b2"/>',
  station: '<path d="M12 2 20 5v6.2c0 5-3.4 9.1-8 10.8-4.6-1.7-8-5.8-8-10.8V5z"/><path fill="#1e3a8a" d="m12 7 1.4 2.9 3.1.4-2.3 2.1.6 3.1L12 14l-2.8 1.5.6-3.1-2.3-2.1 3.1-.4z"/>',
  region: '<path d="M2.5 6 8.8 3.8l6.4 2.2 6.3-2.2v14.2L15.2 20.2 8.8 18l-6.3 2.2zM8.8 5.8v10.3l6.4 2.1V7.9z"/>',
  more: '<path fill="#475569" d="M10.6 4h2.8v6.6H20v2.8h-6.6V20h-2.8v-6.6H4v-2.8h6.6z"/>',
};

const BADGE_SLOTS = [
  { x: 39, y: 9 },
  { x: 39, y: 39 },
  { x: 9, y: 9 },
];

export type BadgeLetters = Record<WatchTag, string>;

const cache = new Map<string, string>();

function shapePath(kind: VisualKind, color: string): string {
  const look = KIND_LOOK[kind];
  const stroke = kind === 'more' ? ' stroke="#64748b" stroke-width="1.5" stroke-dasharray="3 2"' : '';
  switch (look.shape) {
    case 'ellipse':
      return `<circle cx="24" cy="24" r="19" fill="${color}"${stroke}/>`;
    case 'round-hexagon':
      return `<path d="M14 5h20l10 19-10 19H14L4 24z" fill="${color}" stroke="${color}" stroke-width="3" stroke-linejoin="round"/>`;
    case 'round-pentagon':
      return `<path d="M24 4 44 18.5 36.5 43h-25L4 18.5z" fill="${color}" stroke="${color}" stroke-width="3" stroke-linejoin="round"/>`;
    case 'round-diamond':
      return `<path d="M24 4 44 24 24 44 4 24z" fill="${color}" stroke="${color}" stroke-width="3" stroke-linejoin="round"/>`;
    default:
      return `<rect x="5" y="5" width="38" height="38" rx="8" fill="${color}"${stroke}/>`;
  }
}

/** A data: URL of the node's picture (48 × 48 user units). */
export function nodeImage(kind: VisualKind, tags: readonly WatchTag[], letters: BadgeLetters): string {
  const key = `${kind}|${tags.join(',')}|${tags.map((t) => letters[t]).join('')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const look = KIND_LOOK[kind];
  const badges = tags
    .slice(0, BADGE_SLOTS.length)
    .map((tag, i) => {
      const { x, y } = BADGE_SLOTS[i]!;
      return (
        `<circle cx="${x}" cy="${y}" r="8.5" fill="${TAG_COLOR[tag]}" stroke="#fff" stroke-width="1.6"/>` +
        `<text x="${x}" y="${y + 3.6}" font-size="10.5" font-weight="700" text-anchor="middle" fill="#fff" ` +
        `font-family="Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, sans-serif">${letters[tag]}</text>`
      );
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">` +
    shapePath(kind, look.color) +
    `<g transform="translate(12 12)" fill="#fff">${GLYPHS[kind]}</g>` +
    badges +
    `</svg>`;
  const url = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
  cache.set(key, url);
  return url;
}

/** The same picture without badges, for the legend. */
export function legendImage(kind: VisualKind): string {
  return nodeImage(kind, [], { FUGITIVE: '', DRUG_USER: '', EX_OFFENDER: '' });
}
