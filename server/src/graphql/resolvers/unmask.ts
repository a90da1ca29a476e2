import type { IResolvers } from 'mercurius';
import { BadUserInput, NotFound } from '../../errors.js';
import { recordIdArg } from '../../link/arguments.js';
import { findPersons } from '../../link/entity-repository.js';
import { readPurpose } from '../../security/purpose.js';
import { Forbidden } from '../../security/security-errors.js';
import type { ClewContext } from '../context.js';

/**
 * The explicit unmasking: one person's identifiers in full, with a reason that becomes the
 * request's purpose in the audit record. The policy leaves this answer unmasked.
 */
export const unmaskResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    unmaskPerson: async (_root, args: { personId: string; reason: string }, ctx) => {
      const p = ctx.principal;
      if (p.kind === 'API_KEY' && p.identifierAccess === 'MASKED') {
        throw new Forbidden('This API key sees identifiers masked and may not unmask them; ask for REVEAL_WITH_REASON access.');
      }
      const reading = readPurpose({ purpose: { reason: args.reason } }, undefined);
      if (!reading.purpose) throw new BadUserInput('reason', reading.problem ?? 'must say why', reading.problemZh ?? '请说明原因');
      const state = ctx.security.request;
      state.purpose = { purpose: { caseNumber: state.purpose.purpose?.caseNumber ?? null, reason: reading.purpose.reason }, problem: null };
      const id = recordIdArg('personId', args.personId);
      const [person] = await ctx.graph.read((tx) => findPersons(tx, [id]));
      if (!person) throw new NotFound('Person', id);
      return {
        uid: person.uid,
        personId: id,
        name: person.name,
        idNumber: person.idNumber ?? null,
        phones: Array.isArray(person.phones) ? person.phones : [],
      };
    },
  },
};
