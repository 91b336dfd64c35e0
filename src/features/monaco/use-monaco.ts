import { useEffect, useState } from 'react';
import { loadMonaco, loadedMonaco, type Monaco } from './load-monaco';

export type MonacoState = { status: 'loading' } | { status: 'ready'; monaco: Monaco } | { status: 'failed' };

/** Starts loading Monaco on mount; `failed` when its chunk could not be loaded (the caller keeps its fallback). */
export function useMonaco(): MonacoState {
  const [state, setState] = useState<MonacoState>(() => {
    const monaco = loadedMonaco();
    return monaco ? { status: 'ready', monaco } : { status: 'loading' };
  });
  useEffect(() => {
    if (state.status !== 'loading') return;
    let live = true;
    loadMonaco().then(
      (monaco) => live && setState({ status: 'ready', monaco }),
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [state.status]);
  return state;
}
