import type { ReleaseChoices } from '../../catalog/use-release-choices';

/** Says when the release catalog is loading or failed, so a longer list than the release has is not a surprise. */
export function CatalogNote({ status, what }: { status: ReleaseChoices['status']; what: string }) {
  if (status === 'success') return null;
  return (
    <p className="catalog-note" role="note">
      {status === 'pending'
        ? `Loading the ${what} of this release…`
        : `The release catalog could not be loaded: showing all ${what} Specialisation Studio knows; the problems list flags any this release lacks.`}
    </p>
  );
}
