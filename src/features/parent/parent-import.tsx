import { lazy } from 'react';
import { LazyDialogButton } from '../dialog/lazy-dialog-button';

// Loaded when first opened: it brings the Nix parser and the importer's rules.
const ParentImportDialog = lazy(() => import('./parent-import-dialog').then((m) => ({ default: m.ParentImportDialog })));

/** "Fill from configuration.nix…": the main system panel's import action. */
export function ParentImport() {
  return <LazyDialogButton label="Fill from configuration.nix…" className="button-small" part="The configuration.nix reader" dialog={ParentImportDialog} />;
}
