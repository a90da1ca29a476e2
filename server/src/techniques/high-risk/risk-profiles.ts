import { cypher } from '../../db/cypher-files.js';
import type { Tx } from '../../db/graph.js';
import { toPlain } from '../../db/neo4j-values.js';

const SAVE = cypher('techniques/risk-profile-save');
const LIST = cypher('techniques/risk-profiles');

/**
 * A risk profile (高危地区): persons from an origin region are searched for a crime type,
 * with a weight, a written justification and who approved it when. Profiles are versioned:
 * every change is a new version and every search run stores the version it used, so an
 * origin-based search can always be accounted for.
 */
export interface RiskProfile {
  id: string;
  version: number;
  /** Key of this version: <id>#<version>. */
  key: string;
  /** Region code or prefix of the origin (籍贯), e.g. 429005 潜江市. */
  origin: string;
  originName: string;
  caseType: string;
  weight: number;
  justification: string;
  approvedBy: string;
  approvedAt: string;
  active: boolean;
  savedBy: string;
  savedAt: number;
}

export type RiskProfileInput = Omit<RiskProfile, 'id' | 'version' | 'key' | 'savedBy' | 'savedAt'>;

export async function saveRiskProfile(tx: Tx, id: string, input: RiskProfileInput, savedBy: string, savedAt: number): Promise<RiskProfile> {
  const r = (await tx.run(SAVE, { id, profile: { ...input, savedBy, savedAt } })).records[0]!;
  return fromStored(r.get('profile'));
}

export async function findRiskProfiles(tx: Tx, id: string | null, history = false): Promise<RiskProfile[]> {
  return (await tx.run(LIST, { id, history })).records.map((r) => fromStored(r.get('profile')));
}

function fromStored(raw: unknown): RiskProfile {
  const p = toPlain(raw) as Record<string, unknown>;
  return {
    id: String(p.profileId),
    version: Number(p.version),
    key: String(p.key),
    origin: String(p.origin),
    originName: String(p.originName ?? ''),
    caseType: String(p.caseType),
    weight: Number(p.weight),
    justification: String(p.justification),
    approvedBy: String(p.approvedBy),
    approvedAt: String(p.approvedAt),
    active: p.active !== false,
    savedBy: String(p.savedBy),
    savedAt: Number(p.savedAt),
  };
}
