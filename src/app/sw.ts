/// <reference lib="webworker" />
// The service worker (built into `sw.js` by vite-plugin-pwa's injectManifest, see docs/offline.md):
// Workbox precaching of every file of this build, so the app loads and works offline after the
// first visit, and an open tab keeps the files of the build it started with.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

// No skipWaiting: a new build's worker installs (adding its files to the precache beside the old
// ones) and then waits until no tab uses the old worker. Only when it activates does Workbox drop
// the old build's files, so a tab that is open during a deploy still finds its lazy chunks.
precacheAndRoute(self.__WB_MANIFEST, {
  // The app reads no query string: `./?anything` is still the app, offline too (as the worker before had it).
  ignoreURLParametersMatching: [/.*/],
});
// Caches left by older Workbox versions.
cleanupOutdatedCaches();

// The worker before Workbox kept each build in a cache named `studio-<hash>`; its tabs are gone
// once this worker activates.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('studio-')).map((k) => caches.delete(k)))),
  );
});

// The first visit's tab is controlled at once, so its lazy chunks come from this build's cache
// too. This only happens on activation, which waits until no tab uses an older worker.
clientsClaim();
