import { useMemo } from 'react';
import { useStudio } from '../../store/studio-store';
import { AdvancedSection } from './advanced-section';
import { DesktopSection } from './desktop-section';
import { EntryConditionField, NixEntrySection } from './entry-section';
import { FormContext, SettingsContext, specialisationTarget, type FormContextValue } from './form-context';
import { GeneralSection } from './general-section';
import { GpuSection } from './gpu-section';
import { ImportsSection } from './imports-section';
import { KernelSection } from './kernel-section';
import { PackagesSection } from './packages-section';
import { SettingsSection } from './settings-section';
import { UsersSection } from './users-section';

/** The form of the selected specialisation, section by section. */
export function SpecialisationForm() {
  const index = useStudio((s) => s.selected);
  const specialisation = useStudio((s) => s.project.specialisations[s.selected]);
  const release = useStudio((s) => s.project.nixosRelease);
  const isNixEntry = useStudio((s) => (s.project.specialisations[s.selected]?.nixEntry ?? null) !== null);
  const context = useMemo<FormContextValue | null>(
    () => (specialisation ? { index, specialisation, release } : null),
    [index, specialisation, release],
  );
  const target = useMemo(() => (specialisation ? specialisationTarget(index, specialisation, release) : null), [index, specialisation, release]);
  if (!context) {
    return (
      <div className="form-empty">
        <p>Add a specialisation, or pick one in the list, to edit it here.</p>
      </div>
    );
  }
  // A Nix entry (lib.genAttrs …) is edited as Nix: the form's sections do not apply to it.
  if (isNixEntry)
    return (
      <FormContext.Provider value={context}>
        <form key={index} className="specialisation-form" aria-label="Settings of the Nix entry" onSubmit={(e) => e.preventDefault()} noValidate>
          <NixEntrySection />
        </form>
      </FormContext.Provider>
    );
  return (
    <FormContext.Provider value={context}>
      <SettingsContext.Provider value={target}>
      <form key={index} className="specialisation-form" aria-label={`Settings of ${specialisation.name || 'the unnamed specialisation'}`} onSubmit={(e) => e.preventDefault()} noValidate>
        <GeneralSection />
        <EntryConditionField />
        <UsersSection />
        <DesktopSection />
        <PackagesSection />
        <GpuSection />
        <KernelSection />
        <ImportsSection />
        <SettingsSection />
        <AdvancedSection />
      </form>
      </SettingsContext.Provider>
    </FormContext.Provider>
  );
}
