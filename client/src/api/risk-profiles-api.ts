import { gql } from './client.js';

/**
 * Risk profiles of the high-risk origin search (高危地区画像): an origin region × a crime type,
 * with its weight, written justification and approval. Every save is a new version.
 */
export interface RiskProfile {
  id: string;
  version: number;
  key: string;
  origin: string;
  originName: string;
  caseType: string;
  weight: number;
  justification: string;
  approvedBy: string;
  approvedAt: string;
  active: boolean;
  savedBy: string;
  savedAt: string;
}

export type RiskProfileInput = Pick<RiskProfile, 'origin' | 'originName' | 'caseType' | 'weight' | 'justification' | 'approvedBy' | 'approvedAt' | 'active'>;

const FIELDS = 'id version key origin originName caseType weight justification approvedBy approvedAt active savedBy savedAt';

/** The current version of every profile, inactive ones included. */
export async function riskProfiles(): Promise<RiskProfile[]> {
  return (await gql<{ riskProfiles: RiskProfile[] }>(`query RiskProfiles { riskProfiles { ${FIELDS} } }`)).riskProfiles;
}

/** Every version of one profile, newest first. */
export async function riskProfileHistory(id: string): Promise<RiskProfile[]> {
  return (await gql<{ riskProfileHistory: RiskProfile[] }>(`query RiskProfileHistory($id: ID!) { riskProfileHistory(id: $id) { ${FIELDS} } }`, { id })).riskProfileHistory;
}

/** Creates a profile (`id` null) or saves a new version of one. */
export async function saveRiskProfile(id: string | null, input: RiskProfileInput): Promise<RiskProfile> {
  const data = await gql<{ saveRiskProfile: RiskProfile }>(`mutation SaveRiskProfile($id: ID, $input: RiskProfileInput!) { saveRiskProfile(id: $id, input: $input) { ${FIELDS} } }`, { id, input });
  return data.saveRiskProfile;
}
