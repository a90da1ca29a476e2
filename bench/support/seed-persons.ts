import type { Driver } from 'neo4j-driver';
import { toPlain } from '../../server/src/db/neo4j-values.js';
import type { Rng } from '../../seed/random.js';

/**
 * The seed county's persons as the benchmarks sample them: how many there are, and a random
 * one's id (P-000001 up to a hundred short of the count).
 */
export async function seedPersons(driver: Driver, rng: Rng): Promise<{ count: number; randomId: () => string }> {
  const count = Number(toPlain((await driver.executeQuery('MATCH (p:Person) RETURN count(p) AS n')).records[0]?.get('n')));
  return { count, randomId: () => `P-${String(rng.int(1, Math.max(1, count - 100))).padStart(6, '0')}` };
}
