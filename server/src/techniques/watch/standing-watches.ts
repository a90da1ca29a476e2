import { randomBytes } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';
import { publishAlerts } from '../../events/topics.js';
import { DEFAULT_RELATION_WEIGHTS } from '../trace/associate-ties.js';
import { tiesOf } from '../trace/trace-associates.js';
import { cstText, DAY_MS } from '../technique-arguments.js';
import type { TechniqueServices } from '../technique-services.js';

const CREATE = cypher('techniques/watch-create');
const LIST = cypher('techniques/watch-list-active');
const SET_ACTIVE = cypher('techniques/watch-set-active');
const IN_JOB = cypher('techniques/movements-of-persons-in-job');
const RAISE = cypher('techniques/alert-raise');
const ALERTS = cypher('techniques/alert-list');
const ALERT = cypher('techniques/alert-by-id');

/** A standing watch on a wanted person (关系人员倒查法, kept running). */
export interface StandingWatch {
  id: string;
  personId: string;
  relationTypes: string[];
  depth: number;
  /** Only associates at least this strongly tied raise alerts ("close" associates). */
  minStrength: number;
  note: string | null;
  createdBy: string;
  createdAt: number;
  active: boolean;
  /** As read (listWatches): the watched person's name. */
  personName?: string | null;
}

export interface Alert {
  id: string;
  watchId: string;
  personId: string;
  associateId: string;
  relation: string;
  strength: number;
  kind: string;
  at: string;
  record: string;
  placeId: string;
  placeName: string;
  town: string | null;
  station: string | null;
  jobId: string;
  raisedAt: number;
  /** As read (listAlerts): the names of the watched person and of the associate. */
  personName?: string | null;
  associateName?: string | null;
}

export async function createWatch(tx: Tx, watch: StandingWatch): Promise<StandingWatch | null> {
  const r = (await tx.run(CREATE, { watch: { ...watch, depth: neo4j.int(watch.depth), createdAt: neo4j.int(watch.createdAt) } })).records[0];
  return r ? (toPlain(r.get('watch')) as StandingWatch) : null;
}

export async function listWatches(tx: Tx, activeOnly: boolean, personId: string | null = null): Promise<StandingWatch[]> {
  return (await tx.run(LIST, { activeOnly, personId })).records.map((r) => toPlain(r.get('watch')) as StandingWatch);
}

export async function setWatchActive(tx: Tx, id: string, active: boolean, by: string, at: number): Promise<StandingWatch | null> {
  const r = (await tx.run(SET_ACTIVE, { id, active, by, at: neo4j.int(at) })).records[0];
  return r ? (toPlain(r.get('watch')) as StandingWatch) : null;
}

export async function findAlert(tx: Tx, id: string): Promise<Alert | null> {
  const r = (await tx.run(ALERT, { id })).records[0];
  return r ? (toPlain(r.get('alert')) as Alert) : null;
}

export async function listAlerts(tx: Tx, watchId: string | null, skip: number, limit: number): Promise<Alert[]> {
  return (await tx.run(ALERTS, { watchId, skip: neo4j.int(skip), limit: neo4j.int(limit) })).records.map((r) => toPlain(r.get('alert')) as Alert);
}

export const newWatchId = () => `WATCH-${randomBytes(4).toString('hex')}`;

/**
 * After an import: for every active watch, the movements the import wrote of the watched
 * person's close associates become alerts (once each), pushed to subscribers.
 */
export async function raiseAlertsForImport(services: TechniqueServices, jobId: string): Promise<Alert[]> {
  const now = services.clock();
  const watches = await services.graph.read((tx) => listWatches(tx, true));
  const raised: Alert[] = [];
  for (const watch of watches) {
    const found = await services.graph.read(async (tx) => {
      const window = { from: cstText(now - 365 * DAY_MS), to: cstText(now), fromMs: now - 365 * DAY_MS, toMs: now };
      const ties = await tiesOf(tx, { personId: watch.personId, relationTypes: watch.relationTypes, depth: watch.depth, window, relationWeights: DEFAULT_RELATION_WEIGHTS, minStrength: watch.minStrength });
      if (ties.size === 0) return [];
      const rows = await tx.run(IN_JOB, { ids: [...ties.keys()].sort(), job: jobId });
      return rows.records.map((r) => {
        const tie = ties.get(r.get('person') as string)!;
        const place = toPlain(r.get('place')) as { id: string; name: string; town: string | null; station: string | null };
        const record = r.get('edge') as string;
        return {
          key: `${watch.id}|${record}`,
          props: {
            id: `ALERT-${randomBytes(5).toString('hex')}`,
            watchId: watch.id,
            personId: watch.personId,
            associateId: tie.id,
            relation: tie.relation,
            strength: tie.strength,
            kind: r.get('kind') as string,
            at: toPlain(r.get('at')) as string,
            record,
            placeId: place.id,
            placeName: place.name,
            town: place.town,
            station: place.station,
            jobId,
            raisedAt: neo4j.int(now),
          },
        };
      });
    });
    if (found.length === 0) continue;
    const created = await services.graph.write(async (tx) => (await tx.run(RAISE, { alerts: found })).records.filter((r) => r.get('created')).map((r) => toPlain(r.get('alert')) as Alert));
    await publishAlerts(services.events, created, services.clock());
    raised.push(...created);
  }
  return raised;
}
