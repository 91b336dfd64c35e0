import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from './scripts/vite/csp.ts';
import { serviceWorker } from './scripts/vite/service-worker.ts';

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
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
