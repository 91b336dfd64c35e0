import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './app.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('Specialisation Studio: #root element is missing from index.html');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline after the first visit: the service worker (src/app/sw.ts, docs/offline.md) keeps this build's
// files, and keeps them while a tab uses them after a new build is deployed (production only).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Without it the app still works online; nothing to tell the user.
    });
  });
}
