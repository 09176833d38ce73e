import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pageModules } from './page-modules';
import { precompress } from './precompress';

// The API server (`npm run cqs -- start`) listens on 3000 by default; in development Vite serves the
// app and forwards API, sign-in and health calls to it, so the browser sees one origin as in production.
// For signing in during development, start the server with PUBLIC_URL=http://localhost:5173.
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  plugins: [
    react(),
    // The pages people land on from a link, a search engine or a receipt's QR code: the server
    // links their code from their HTML (dist/pages.json), so it loads beside the main script.
    pageModules({
      '/thu-tuc': 'src/features/catalog/CatalogPage.tsx',
      '/thu-tuc/:code': 'src/features/catalog/ProcedurePage.tsx',
      '/tra-cuu': 'src/features/dossiers/TrackPage.tsx',
    }),
    precompress(),
  ],
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
