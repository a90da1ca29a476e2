import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The investigator's page: sources in client/, built into dist/client, which Clew's own
 * server serves. In development (npm run dev) Vite serves the page with hot reload and
 * passes API calls through to the Clew server.
 */
const apiPort = Number(process.env.CLEW_PORT ?? 4000);

export default defineConfig({
  root: 'client',
  base: '/',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // bench.html is the chart alone, fed by bench/client-graph.bench.ts
      input: {
        main: fileURLToPath(new URL('./client/index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./client/bench.html', import.meta.url)),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/graphql': { target: `http://127.0.0.1:${apiPort}`, ws: true },
      '/health': `http://127.0.0.1:${apiPort}`,
      '/api': `http://127.0.0.1:${apiPort}`,
    },
  },
});
