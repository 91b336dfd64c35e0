/**
 * The page's entry, kept small (bench/bundle.ts measures it): index.html's static frame is already on screen, this
 * writes the stored project's module into it, and fetches the editor (React, the forms; Monaco later) meanwhile.
 * The styles of the frame come with it, so the frame is styled before any of the editor arrives.
 */
import './app.css';
import './phone-layout.css';
import './output-panel.css';
import { holdEarlyDrops } from '../features/import/early-drop';
import { generateEarly } from '../store/first-generated';
import { studioStore } from '../store/studio-store';
import { paintFirst, paintLoadFailure } from './paint-first';

// Asked for first, so that it downloads while the module is generated.
const editor = import('./main');

// A file dropped on the frame waits for the editor (which takes it when it starts), instead of the browser opening it.
holdEarlyDrops();

try {
  const { project } = studioStore.getState();
  paintFirst(document, project, () => generateEarly(project).text);
} catch (error) {
  // The editor reports what went wrong (load errors, a project it could not read) with its own notices.
  console.error('The first paint could not write the module.', error);
}

editor.catch((error: unknown) => paintLoadFailure(document, error));

// Offline after the first visit: the service worker (src/app/sw.ts, docs/offline.md) keeps this build's
// files, and keeps them while a tab uses them after a new build is deployed (production only). Registered
// here, not by the editor: the editor may arrive after the page's load event.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Without it the app still works online; nothing to tell the user.
    });
  });
}
