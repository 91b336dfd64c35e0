import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './scripts/vite/csp.ts';
import { prefetchEditor } from './scripts/vite/prefetch-editor.ts';

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    prefetchEditor(),
    // The service worker: Workbox precaching, bundled from src/app/sw.ts into `sw.js` (docs/offline.md).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      // first-paint.ts (the page's entry) registers it: the plugin's registration would be an inline or extra script.
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // A classic script, so a plain `register('./sw.js')` runs it in every browser.
        rollupFormat: 'iife',
        // Every file the app may fetch, public/ included; not the source maps, nor the option catalogs of
        // all ten releases (public/options): sw.ts keeps the one a project fetches (cache first).
        globPatterns: ['**/*.{html,js,css,json,svg,png,ico,ttf,woff,woff2,wasm,txt}'],
        globIgnores: ['**/*.map', 'options/**'],
        // Monaco's chunk is bigger than Workbox's default limit of 2 MiB.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      },
    }),
  ],
  // Relative asset URLs, so a build served from any sub-path (or opened from a mirror) still loads.
  base: './',
  server: {
    port: 5173,
    strictPort: true,
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
  build: {
    target: 'baseline-widely-available',
    sourcemap: true,
  },
});
