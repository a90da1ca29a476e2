import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import { SharedEmitter } from '../events/shared-emitter.js';
import { systemClock, type Clock } from '../security/clock.js';
import { TechniqueScheduler } from './schedule/scheduler.js';
import type { TechniqueServices } from './technique-services.js';

export interface TechniqueRuntime extends TechniqueServices {
  scheduler: TechniqueScheduler;
}

/** The techniques' services for one app: the shared event log and the background scheduler. */
export function createTechniqueServices(deps: { graph: Graph; config: Config; clock?: Clock }, log: FastifyBaseLogger): TechniqueRuntime {
  const clock = deps.clock ?? systemClock;
  const events = new SharedEmitter(deps.graph, {
    pollMs: deps.config.techniques.eventPollMs,
    retentionMs: deps.config.techniques.eventRetentionHours * 3_600_000,
    clock,
    onError: (e) => log.warn({ err: e }, 'shared event poll failed'),
  });
  const services: TechniqueServices = { graph: deps.graph, config: deps.config, clock, events };
  return { ...services, scheduler: new TechniqueScheduler(services, (message, error) => log.error({ err: error }, message)) };
}

/**
 * Starts the techniques with the app: the shared emitter's polling and the scheduler when
 * configured; both stopped when the app closes. (The built-in watch-lists are written by
 * prepareDatabase at start-up, with the schema, not here: an app must start, and answer
 * 503, while its database is down.)
 */
export async function registerTechniques(app: FastifyInstance, runtime: TechniqueRuntime): Promise<void> {
  app.decorate('clewTechniques', runtime);
  app.addHook('onReady', async () => {
    await runtime.events.start();
    if (runtime.config.techniques.scheduler) runtime.scheduler.start();
  });
  app.addHook('onClose', async () => {
    await runtime.scheduler.stop();
    await new Promise<void>((resolve) => runtime.events.close(resolve));
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The techniques' services (tests call the scheduler's steps by hand through this). */
    clewTechniques: TechniqueRuntime;
  }
}
