import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Loaded by first-paint.ts, the page's entry, which meanwhile writes the generated module into index.html's static
// frame: React replaces that frame with the editor.

const container = document.getElementById('root');
if (!container) {
  throw new Error('Specialisation Studio: #root element is missing from index.html');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
