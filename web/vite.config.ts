import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built from the repository root: `npx vite build --config web/vite.config.ts`.
// The server serves dist-web/ at "/" and the API at "/api" (docs/api.md).
const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${here}../dist-web`,
    emptyOutDir: true,
    target: 'es2022',
    // Budget for the first page is checked by hand in docs/web.md; ECharts lives in its own chunk.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npx vite --config web/vite.config.ts` for development against a running server on :3000.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
