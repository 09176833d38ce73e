import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress';

// The API server (`npm run cqs -- start`) listens on 3000 by default; in development Vite serves the
// app and forwards API, sign-in and health calls to it, so the browser sees one origin as in production.
// For signing in during development, start the server with PUBLIC_URL=http://localhost:5173.
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      '/api': apiTarget,
      '/auth': apiTarget,
      '/oidc': apiTarget,
      '/account': apiTarget,
      '/.well-known': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Only the woff2 files are fetched by current browsers; keep them as files (cacheable), never inlined.
    assetsInlineLimit: 0,
  },
});
