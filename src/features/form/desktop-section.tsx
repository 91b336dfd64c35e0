import { useReleaseChoices } from '../../catalog/use-release-choices';
import { USUAL_DISPLAY_MANAGER } from '../../model/desktop';
import { setSection } from '../../model/operations';
import type { Desktop } from '../../model/types';
import { CatalogNote } from './catalog-note';
import { Field } from './field';
import { useFormContext } from './form-context';
import { Section } from './section';
import { useEdit } from './use-edit';

export function DesktopSection() {
  const { index, specialisation: s, release } = useFormContext();
  const edit = useEdit();
  const choices = useReleaseChoices(release);
  const p = `specialisations[${index}].desktop`;
  const set = <K extends keyof Desktop>(key: K, value: Desktop[K]) => edit(null, (x) => setSection(x, index, 'desktop', key, value));
  const { environment, displayManager, autoLogin } = s.desktop;
  const usual = USUAL_DISPLAY_MANAGER[environment];
  const desktops = choices.desktops;
  const missingDesktop = environment !== 'none' && !desktops.some((d) => d.id === environment);
  const dms = choices.displayManagers;
  const missingDm = displayManager !== 'auto' && displayManager !== 'none' && !dms.some((d) => d.id === displayManager);
  const userNames = [...new Set(s.users.map((u) => u.name).filter((n) => n !== ''))];
  const missingUser = autoLogin !== null && autoLogin !== '' && !userNames.includes(autoLogin);

  return (
    <Section id={`specialisations[${index}]-desktop`} title="Desktop">
      <CatalogNote status={choices.status} what="desktops" />
      <Field path={`${p}.environment`} label="Desktop environment">
        {(control) => (
          <select {...control} value={environment} onChange={(e) => set('environment', e.target.value as Desktop['environment'])}>
            <option value="none">None (keep the parent&apos;s)</option>
            {desktops.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
            {missingDesktop && <option value={environment}>{environment} (not in NixOS {release})</option>}
          </select>
        )}
      </Field>
      <Field path={`${p}.displayManager`} label="Display manager">
        {(control) => (
          <select {...control} value={displayManager} onChange={(e) => set('displayManager', e.target.value as Desktop['displayManager'])}>
            <option value="auto">Automatic{usual ? ` (${usual})` : ' (none for this desktop)'}</option>
            {dms.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
            {missingDm && <option value={displayManager}>{displayManager} (not in NixOS {release})</option>}
            <option value="none">None</option>
          </select>
        )}
      </Field>
      <Field
        path={`${p}.autoLogin`}
        label="Autologin user"
        hint={userNames.length === 0 ? 'Add a user in the Users section to log them in automatically.' : undefined}
      >
        {(control) => (
          <select {...control} value={autoLogin ?? ''} onChange={(e) => set('autoLogin', e.target.value === '' ? null : e.target.value)}>
            <option value="">Nobody</option>
            {userNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
            {missingUser && <option value={autoLogin}>{autoLogin} (not a user here)</option>}
          </select>
        )}
      </Field>
    </Section>
  );
}
