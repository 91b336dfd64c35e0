import type * as MonacoApi from 'monaco-editor/editor';
import { offerReload } from '../load-error/load-boundary';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | null = null;
let loaded: Monaco | null = null;

/** Loads Monaco (its own lazy chunk) with the `nix` language and the studio themes; one load per page. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco-setup').then(
    (m) => (loaded = m.monaco),
    (error: unknown) => {
      loading = null; // a later call may retry, e.g. after a flaky network
      // The editors stay plain text, and usable; a reload usually brings the editor back.
      offerReload('The code editor', error);
      throw error;
    },
  );
  return loading;
}

/** Monaco if it has already loaded, so a second editor can render it straight away. */
export function loadedMonaco(): Monaco | null {
  return loaded;
}
