import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Loaded by first-paint.ts, the page's entry, which meanwhile writes the generated module into index.html's static
// frame: React replaces that frame with the editor.

const container = document.getElementById('root');
if (!container) {
  throw new Error('Specialisation Studio: #root element is missing from index.html');
}

// The frame is on screen already, so the editor's first render need not be one long task: as a transition React
// renders it in slices and the page answers in between (the frame holds nothing to type into meanwhile).
const root = createRoot(container);
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
