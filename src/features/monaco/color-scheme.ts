import type * as Monaco from 'monaco-editor/editor';
import { DARK_THEME, LIGHT_THEME, studioDark, studioLight } from './nix-themes';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Defines the studio themes and keeps Monaco's (global) theme on the system's colour scheme, live. */
export function followColorScheme(monaco: typeof Monaco): () => void {
  monaco.editor.defineTheme(LIGHT_THEME, studioLight);
  monaco.editor.defineTheme(DARK_THEME, studioDark);
  const query = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  const apply = () => monaco.editor.setTheme(query?.matches ? DARK_THEME : LIGHT_THEME);
  apply();
  query?.addEventListener('change', apply);
  return () => query?.removeEventListener('change', apply);
}
