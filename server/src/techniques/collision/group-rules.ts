import type { GroupRule } from './watch-lists.js';

/** One record of the compared batch that matched a watch-list. */
export interface Hit {
  kind: 'STAY' | 'LOGIN' | 'PASS';
  record: string;
  atMs: number;
  at: string;
  until: string | null;
  place: { id: string; name: string; type: string; station: string | null; town: string | null };
  subject: { id: string; name: string; employment: string | null; origin: string | null } | null;
  plate: string | null;
  list: string;
  /** The listed person (graph id) or explicit entry (WatchEntry:<id>) the record matched. */
  member: string;
  /** That person's or entry's name as the list holds it: a checkpoint pass matched by plate has no person of its own. */
  memberName: string | null;
  matchedBy: MatchKind;
  strength: number;
}

export type MatchKind = 'PERSON' | 'RESIDENT_ID' | 'PHONE' | 'PLATE' | 'NAME_BIRTHDATE';

/** How sure a match is: the person's own record or resident ID is certain; name with birth date is the weakest. */
export const MATCH_STRENGTH: Record<MatchKind, number> = { PERSON: 1, RESIDENT_ID: 1, PHONE: 0.8, PLATE: 0.8, NAME_BIRTHDATE: 0.5 };

export interface GroupHit {
  list: string;
  rule: GroupRule;
  /** The station area (STATION scope) or place id (LOCATION scope). */
  scopeKey: string;
  /** The station's name or the place's name, for a reader; null when the station is not in the database. */
  scopeName: string | null;
  station: string | null;
  hits: Hit[];
  members: string[];
  firstAt: string;
  lastAt: string;
  why: string;
  /** `why` in Chinese, for the workspace and the station's order. */
  whyZh: string;
}

/** What explanations call things: a list by its title (吸毒人员), a station by its name. */
export interface DisplayNames {
  listTitle?: string;
  stationName?: (id: string) => string | undefined;
}

/**
 * Applies one rule to one list's hits: per station area (or place), hits sorted by time
 * are chained while they fall within the rule's window of the chain's first hit; a chain
 * with at least minMembers distinct members is a group. Deterministic: the same hits give
 * the same groups, in the same order.
 */
export function applyGroupRule(list: string, rule: GroupRule, hits: Hit[], names: DisplayNames = {}): GroupHit[] {
  const eligible = hits.filter((h) => h.list === list && (rule.locationTypes.length === 0 || rule.locationTypes.includes(h.place.type)));
  const byScope = new Map<string, Hit[]>();
  for (const h of eligible) {
    const key = rule.scope === 'STATION' ? h.place.station : h.place.id;
    if (!key) continue;
    (byScope.get(key) ?? byScope.set(key, []).get(key)!).push(h);
  }
  const groups: GroupHit[] = [];
  for (const [scopeKey, scoped] of [...byScope.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    scoped.sort((a, b) => a.atMs - b.atMs || (a.record < b.record ? -1 : 1));
    let i = 0;
    while (i < scoped.length) {
      const start = scoped[i]!.atMs;
      let j = i;
      while (j < scoped.length && scoped[j]!.atMs - start <= rule.windowHours * 3_600_000) j++;
      const chain = scoped.slice(i, j);
      const members = [...new Set(chain.map((h) => h.member))].sort();
      if (members.length >= rule.minMembers) groups.push(describe(list, rule, scopeKey, chain, members, names));
      i = members.length >= rule.minMembers ? j : i + 1;
    }
  }
  return groups;
}

function describe(list: string, rule: GroupRule, scopeKey: string, chain: Hit[], members: string[], names: DisplayNames): GroupHit {
  const places = new Set(chain.map((h) => h.place.id));
  const unemployed = chain.every((h) => h.subject?.employment === 'UNEMPLOYED');
  // A station officer reads these: the list by its title and the station by its name, the codes after them.
  const listTitle = names.listTitle && names.listTitle !== list ? names.listTitle : null;
  const stationName = rule.scope === 'STATION' ? names.stationName?.(scopeKey) : undefined;
  const listEn = listTitle ? `${listTitle} (${list})` : list;
  const where = rule.scope === 'STATION' ? `in the area of ${stationName ? `${stationName} (station ${scopeKey})` : `station ${scopeKey}`}` : `at ${chain[0]!.place.name}`;
  const why =
    `${members.length} persons on ${listEn} ${where} (${places.size} place(s)) within ${rule.windowHours} h: ` +
    `rule "${rule.name}" needs ${rule.minMembers}` +
    (unemployed ? '; all registered as unemployed' : '');
  const whereZh = rule.scope === 'STATION' ? (stationName ? `在${stationName}辖区` : `在派出所 ${scopeKey} 辖区`) : `在${chain[0]!.place.name}`;
  const whyZh =
    `${listTitle ?? list} 名单上 ${members.length} 人 ${rule.windowHours} 小时内${whereZh}出现（${places.size} 个场所）：` +
    `规则“${rule.name}”要求至少 ${rule.minMembers} 人` +
    (unemployed ? '；均登记为无业' : '');
  return {
    list,
    rule,
    scopeKey,
    scopeName: rule.scope === 'STATION' ? (stationName ?? null) : chain[0]!.place.name,
    station: rule.scope === 'STATION' ? scopeKey : chain[0]!.place.station,
    hits: chain,
    members,
    firstAt: chain[0]!.at,
    lastAt: chain[chain.length - 1]!.at,
    why,
    whyZh,
  };
}
