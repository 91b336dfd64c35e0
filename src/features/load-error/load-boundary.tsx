import { Component, type ReactNode } from 'react';
import { studioStore } from '../../store/studio-store';

/**
 * Whether `error` says a file of the app could not be fetched: a lazy chunk (each browser words
 * it its own way) or the CSS Vite loads with it.
 */
export function isLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|importing a module script failed|unable to preload css|failed to fetch/i.test(message);
}

/**
 * Tells the user that a part of the app could not be loaded and offers a reload, the usual cure:
 * this page is most likely from a build that is no longer on the server.
 */
export function offerReload(part: string, error: unknown): void {
  console.error(`${part} could not be loaded.`, error);
  const message = isLoadError(error)
    ? `${part} could not be loaded: Specialisation Studio has probably been updated since this page was opened. Reload the page to get the current version.`
    : `${part} stopped with an error (${error instanceof Error ? error.message : String(error)}). Reloading the page may help.`;
  studioStore.getState().notify({
    kind: 'error',
    message,
    actions: [{ label: 'Reload', run: () => location.reload() }],
  });
}

interface Props {
  /** What the user knows this part as, to start a sentence: "The import dialog". */
  part: string;
  /** Shown instead of the part once it has failed: its plain stand-in, or nothing. */
  fallback?: ReactNode;
  /** Called once the part has failed, e.g. to close the dialog it was. */
  onFailed?: () => void;
  children: ReactNode;
}

/**
 * Around a `React.lazy` part: when its code cannot be loaded (or it throws), the rest of the page
 * stays, the part's stand-in shows, and a notice offers a reload, instead of a blank page.
 */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    offerReload(this.props.part, error);
    this.props.onFailed?.();
  }

  override render() {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}
