import { lazy } from 'react';
import { useConfigurationFile } from '../../store/configuration-file';
import { LazyDialogButton } from '../dialog/lazy-dialog-button';

// Loaded when first opened (with Monaco's diff editor after it): not part of the first load.
const PatchDialog = lazy(() => import('./patch-dialog').then((m) => ({ default: m.PatchDialog })));

/** "Patch configuration.nix…": there once a configuration has been opened through Import or Fill. */
export function PatchEntry() {
  const name = useConfigurationFile((s) => s.file?.name ?? null);
  if (name === null) return null;
  const label = name === 'pasted text' ? 'configuration.nix' : name;
  return <LazyDialogButton label={`Patch ${label}…`} className="button" part="The patch view" dialog={PatchDialog} />;
}
