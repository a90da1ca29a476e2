import { authenticate } from '../security/accounts/authenticate.js';
import { readPurpose } from '../security/purpose.js';
import type { SecurityServices } from '../security/security-services.js';
import { languageOf } from '../request-language.js';
import type { TechniqueServices } from '../techniques/technique-services.js';

/**
 * mercurius's `subscription` option: the shared emitter, and a connection handshake that
 * signs the socket in. The client sends `{authorization: "Bearer <token>", purpose:
 * {caseNumber, reason}, lang}` as the connection_init payload; the principal and purpose go into
 * the subscription context, where security's preSubscriptionExecution hook checks the
 * policy of each subscription like any other field.
 */
export function subscriptionOptions(security: SecurityServices, techniques: TechniqueServices) {
  return {
    emitter: techniques.events,
    keepAlive: 30_000,
    onConnect: async (data: { payload?: unknown }) => {
      const payload = (data.payload ?? {}) as { authorization?: unknown; headers?: { authorization?: unknown }; purpose?: unknown; lang?: unknown };
      const authorization = payload.authorization ?? payload.headers?.authorization;
      if (typeof authorization !== 'string') return false;
      try {
        const principal = await authenticate(security.accounts, authorization);
        if (principal.kind === 'ANONYMOUS') return false;
        return {
          principal,
          purpose: readPurpose({ purpose: payload.purpose }, undefined).purpose,
          clock: security.clock,
          config: security.config,
          graph: techniques.graph,
          techniques,
          lang: languageOf(payload.lang),
        };
      } catch {
        return false;
      }
    },
  };
}
