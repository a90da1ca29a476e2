import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { repoRoot } from '../repo-root.js';

export const CLIENT_DIST = path.join(repoRoot, 'dist', 'client');

/**
 * Serves the built page (vite build → dist/client). Files are looked up when asked for, so
 * a rebuild is served without restarting; without a build, / says how to make one.
 */
export async function registerClientPage(app: FastifyInstance): Promise<void> {
  mkdirSync(CLIENT_DIST, { recursive: true });
  await app.register(fastifyStatic, { root: CLIENT_DIST, prefix: '/', wildcard: true, index: false });
  app.get('/', async (_req, reply) => {
    if (existsSync(path.join(CLIENT_DIST, 'index.html'))) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.type('text/plain; charset=utf-8').send('The page has not been built; run npm run build:client (npm start does it).');
  });
}
