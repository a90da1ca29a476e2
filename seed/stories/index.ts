/**
 * The five planted stories of the brief (article 2's four techniques; story 4 is the
 * co-traveller view of story 3's gang), with their negative controls. They are identical
 * in every generated county; the background around them varies with the seed.
 */
import { buildLiStory } from './li-associates.js';
import { buildCollisionStory } from './xincheng-collision.js';
import { buildCaiStory } from './cai-trajectory.js';
import { buildCigaretteSwapStory } from './cigarette-swap.js';
import { buildCoTravellersStory } from './co-travellers.js';
import { buildStainlessStory } from './dainan-stainless.js';
import type { Story } from './story-kit.js';

export type { Story, MovementRecord } from './story-kit.js';

export function buildStories(): Story[] {
  return [buildLiStory(), buildCollisionStory(), buildCaiStory(), buildCigaretteSwapStory(), buildCoTravellersStory(), buildStainlessStory()];
}

/** What the background must never reuse, so it can never touch a story by accident. */
export interface ReservedIdentifiers {
  names: Set<string>;
  idNumbers: Set<string>;
  personIds: Set<string>;
}

export function reservedIdentifiers(stories: Story[]): ReservedIdentifiers {
  const persons = stories.flatMap((s) => s.persons);
  return {
    names: new Set(persons.map((p) => p.name)),
    idNumbers: new Set(persons.flatMap((p) => (p.idNumber ? [p.idNumber] : []))),
    personIds: new Set(persons.map((p) => p.id)),
  };
}
