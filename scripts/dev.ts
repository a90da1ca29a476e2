/**
 * npm run dev: the Clew server restarting on source changes (tsx watch) and Vite's dev
 * server with hot reload for the page, which passes /graphql through to Clew.
 */
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/src/server.ts'], { stdio: 'inherit', env: { ...process.env, CLEW_GRAPHIQL: process.env.CLEW_GRAPHIQL ?? 'true' } }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
console.log('[dev] page with hot reload at http://127.0.0.1:5173/ (API on the Clew server)');
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && stop());
