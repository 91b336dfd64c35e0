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
import { useSameArray } from '../../store/same-array';

/**
 * The form of the selected specialisation, section by section. It subscribes to what it shows itself (the name)
 * and what its contexts carry (the desktop, GPU and kernel, the user names), so typing in a field re-renders that
 * field's section, not the whole form; the sections read their own slices (`useSpecialisation`).
 */
export function SpecialisationForm() {
  const index = useStudio((s) => s.selected);
  const exists = useStudio((s) => s.selected >= 0 && s.selected < s.project.specialisations.length);
  const name = useStudio((s) => s.project.specialisations[s.selected]?.name ?? '');
  const desktop = useStudio((s) => s.project.specialisations[s.selected]?.desktop);
  const gpu = useStudio((s) => s.project.specialisations[s.selected]?.gpu);
  const kernel = useStudio((s) => s.project.specialisations[s.selected]?.kernel);
  const userNames = useStudio(useSameArray((s) => s.project.specialisations[s.selected]?.users.map((u) => u.name) ?? []));
  const release = useStudio((s) => s.project.nixosRelease);
  const isNixEntry = useStudio((s) => (s.project.specialisations[s.selected]?.nixEntry ?? null) !== null);
  const context = useMemo<FormContextValue | null>(() => (exists ? { index, release } : null), [exists, index, release]);
  const target = useMemo(
    () => (desktop && gpu && kernel ? specialisationTarget(index, { desktop, gpu, kernel, users: userNames.map((n) => ({ name: n })) }, release) : null),
    [index, desktop, gpu, kernel, userNames, release],
  );
  if (!context || !target) {
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
      <form key={index} className="specialisation-form" aria-label={`Settings of ${name || 'the unnamed specialisation'}`} onSubmit={(e) => e.preventDefault()} noValidate>
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
