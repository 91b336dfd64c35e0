import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { packagesQuery } from '../../catalog/queries';
import { setSpecialisationField } from '../../model/operations';
import { ChipsField } from './chips-field';
import { useFormContext, useSpecialisation } from './form-context';
import { Section } from './section';
import type { Suggestion } from './suggest-input';
import { useEdit } from './use-edit';

export function PackagesSection() {
  const { index } = useFormContext();
  const packages = useSpecialisation((s) => s.packages);
  const edit = useEdit();
  const catalog = useQuery(packagesQuery());
  const suggestions = useMemo<Suggestion[]>(
    () => (catalog.data?.packages ?? []).map((p) => ({ value: p.attr, description: p.description })),
    [catalog.data],
  );
  return (
    <Section
      id={`specialisations[${index}]-packages`}
      title="Packages"
      description="Installed system-wide in this entry only (environment.systemPackages)."
    >
      {catalog.isError && (
        <p className="catalog-note" role="note">
          The package suggestions could not be loaded; type attribute paths yourself.
        </p>
      )}
      <ChipsField
        path={`specialisations[${index}].packages`}
        label="Packages"
        item="package"
        values={packages}
        onChange={(packages) => edit(null, (x) => setSpecialisationField(x, index, 'packages', packages))}
        suggestions={suggestions}
        mono
        placeholder="firefox, python3Packages.numpy …"
        hint="Attribute paths under pkgs, as on search.nixos.org/packages. Any path works; the list only suggests."
      />
    </Section>
  );
}
