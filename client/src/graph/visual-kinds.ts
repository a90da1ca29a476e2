/**
 * The chart's visual language: which drawing a graph node gets. Locations split by their
 * type (a hotel is not a checkpoint); watch-list tags become badges.
 */
export const VISUAL_KINDS = [
  'person',
  'hotel',
  'cafe',
  'checkpoint',
  'market',
  'address',
  'place',
  'case',
  'phone',
  'vehicle',
  'station',
  'region',
  'more',
] as const;
export type VisualKind = (typeof VISUAL_KINDS)[number];

export const WATCH_TAGS = ['FUGITIVE', 'DRUG_USER', 'EX_OFFENDER'] as const;
export type WatchTag = (typeof WATCH_TAGS)[number];

export interface KindLook {
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'round-hexagon' | 'round-pentagon' | 'round-diamond' | 'round-tag';
  size: number;
}

export const KIND_LOOK: Record<VisualKind, KindLook> = {
  person: { color: '#2563eb', shape: 'ellipse', size: 34 },
  hotel: { color: '#ea580c', shape: 'round-rectangle', size: 34 },
  cafe: { color: '#7c3aed', shape: 'round-rectangle', size: 34 },
  checkpoint: { color: '#0d9488', shape: 'round-rectangle', size: 34 },
  market: { color: '#a16207', shape: 'round-rectangle', size: 34 },
  address: { color: '#64748b', shape: 'round-rectangle', size: 30 },
  place: { color: '#64748b', shape: 'round-rectangle', size: 30 },
  case: { color: '#9f1239', shape: 'round-hexagon', size: 36 },
  phone: { color: '#059669', shape: 'ellipse', size: 26 },
  vehicle: { color: '#0891b2', shape: 'ellipse', size: 28 },
  station: { color: '#1e3a8a', shape: 'round-pentagon', size: 36 },
  region: { color: '#94a3b8', shape: 'round-diamond', size: 28 },
  more: { color: '#f1f5f9', shape: 'round-tag', size: 26 },
};

export const TAG_COLOR: Record<WatchTag, string> = {
  FUGITIVE: '#dc2626',
  DRUG_USER: '#9333ea',
  EX_OFFENDER: '#d97706',
};

const LOCATION_KIND: Record<string, VisualKind> = {
  HOTEL: 'hotel',
  INTERNET_CAFE: 'cafe',
  CHECKPOINT: 'checkpoint',
  MARKET: 'market',
  ADDRESS: 'address',
};

export function visualKindOf(kind: string, properties: Record<string, unknown>): VisualKind {
  switch (kind) {
    case 'PERSON':
      return 'person';
    case 'LOCATION':
      return LOCATION_KIND[String(properties.type ?? '')] ?? 'place';
    case 'CASE':
      return 'case';
    case 'PHONE':
      return 'phone';
    case 'VEHICLE':
      return 'vehicle';
    case 'STATION':
      return 'station';
    case 'REGION':
      return 'region';
    default:
      return 'place';
  }
}

export function watchTagsOf(properties: Record<string, unknown>): WatchTag[] {
  const tags = Array.isArray(properties.tags) ? (properties.tags as unknown[]) : [];
  return WATCH_TAGS.filter((t) => tags.includes(t));
}
