import { useEffect, useState } from 'react';
import { loadMonaco, loadedMonaco, type Monaco } from './load-monaco';

export type MonacoState = { status: 'loading' } | { status: 'ready'; monaco: Monaco } | { status: 'failed' };

/** Monaco is about 770 kB: evaluating it holds the page for a while on a slow machine. */
const IDLE_DELAY_MS = 5000;
let wanted: Promise<void> | null = null;

/**
 * Resolves when Monaco is worth loading: at the user's first interaction with the page, or once the
 * page has been quiet for a few seconds after loading. Until then the plain-text preview shows the
 * same text, and the page's start-up is not held up by the editor.
 */
function whenWanted(): Promise<void> {
  wanted ??= new Promise<void>((resolve) => {
    const events = ['pointerdown', 'keydown', 'focusin', 'wheel', 'touchstart'] as const;
    const go = () => {
      for (const e of events) document.removeEventListener(e, go, true);
      clearTimeout(timer);
      resolve();
    };
    for (const e of events) document.addEventListener(e, go, { capture: true, passive: true });
    const timer = setTimeout(go, IDLE_DELAY_MS);
  });
  return wanted;
}

/** Starts loading Monaco on mount (once it is wanted, see whenWanted); `failed` when its chunk could not be loaded (the caller keeps its fallback). */
export function useMonaco(): MonacoState {
  const [state, setState] = useState<MonacoState>(() => {
    const monaco = loadedMonaco();
    return monaco ? { status: 'ready', monaco } : { status: 'loading' };
  });
  useEffect(() => {
    if (state.status !== 'loading') return;
    let live = true;
    whenWanted().then(() =>
      loadMonaco().then(
        (monaco) => live && setState({ status: 'ready', monaco }),
        () => live && setState({ status: 'failed' }),
      ),
    );
    return () => {
      live = false;
    };
  }, [state.status]);
  return state;
}
