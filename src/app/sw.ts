/// <reference lib="webworker" />
// The service worker (built into `sw.js` by vite-plugin-pwa's injectManifest, see docs/offline.md):
// Workbox precaching of every file of this build, so the app loads and works offline after the
// first visit, and an open tab keeps the files of the build it started with. The option catalogs
// (options/<release>.json) are not precached: each is kept once the app has fetched it.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

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

// A release's option catalog, fetched only when the project needs it (vite.config.ts leaves options/**
// out of the precache: ten releases, one used): kept the first time, then served from the cache, so it
// works offline too. One cache per scope (a site may hold builds under several paths).
const scope = new URL(self.registration.scope);
const OPTIONS_CACHE = `option-catalogs:${scope.pathname}`;
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith(`${scope.pathname}options/`) && url.pathname.endsWith('.json'),
  new CacheFirst({ cacheName: OPTIONS_CACHE }),
);

// The worker before Workbox kept each build in a cache named `studio-<hash>`; its tabs are gone
// once this worker activates. So are the tabs of the build before, whose option catalogs may
// differ from this build's: they are fetched again when needed.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('studio-') || k === OPTIONS_CACHE).map((k) => caches.delete(k)))),
  );
});

// The first visit's tab is controlled at once, so its lazy chunks come from this build's cache
// too. This only happens on activation, which waits until no tab uses an older worker.
clientsClaim();
