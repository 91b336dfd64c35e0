import { useReleaseChoices } from '../../catalog/use-release-choices';
import { USUAL_DISPLAY_MANAGER } from '../../model/desktop';
import type { Desktop } from '../../model/types';
import { CatalogNote } from './catalog-note';
import { Field } from './field';
import { PriorityGroup } from './priority-field';
import { useSettings } from './form-context';
import { Section } from './section';
import { useEdit } from './use-edit';

/** Desktop, display manager and autologin of a specialisation, or of the parent system. */
export function DesktopSection() {
  const target = useSettings();
  const { prefix, desktop, release, owner, userNames } = target;
  const edit = useEdit();
  const choices = useReleaseChoices(release);
  const p = `${prefix}.desktop`;
  const set = <K extends keyof Desktop>(key: K, value: Desktop[K], coalesce = false) =>
    edit(coalesce ? `${p}.${key}` : null, (x) => target.update(x, 'desktop', key, value));
  const { environment, displayManager, autoLogin } = desktop;
  const usual = USUAL_DISPLAY_MANAGER[environment];
  const desktops = choices.desktops;
  const missingDesktop = environment !== 'none' && !desktops.some((d) => d.id === environment);
  const dms = choices.displayManagers;
  const missingDm = displayManager !== 'auto' && displayManager !== 'none' && !dms.some((d) => d.id === displayManager);
  const missingUser = userNames !== null && autoLogin !== null && autoLogin !== '' && !userNames.includes(autoLogin);

  return (
    <Section
      id={`${prefix}-desktop`}
      title="Desktop"
      description={owner === 'parent' ? 'The desktop your main configuration turns on, if any.' : undefined}
    >
      <CatalogNote status={choices.status} what="desktops" />
      <Field path={`${p}.environment`} label="Desktop environment">
        {(control) => (
          <select {...control} value={environment} onChange={(e) => set('environment', e.target.value as Desktop['environment'])}>
            <option value="none">{owner === 'parent' ? 'None (no desktop, or one not listed here)' : 'None (keep the parent\u2019s)'}</option>
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
      {userNames === null ? (
        <Field path={`${p}.autoLogin`} label="Autologin user" hint="A user your main configuration defines; empty for nobody.">
          {(control) => (
            <input
              {...control}
              type="text"
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={autoLogin ?? ''}
              onChange={(e) => set('autoLogin', e.target.value.trim() === '' ? null : e.target.value.trim(), true)}
            />
          )}
        </Field>
      ) : (
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
      )}
      {owner === 'specialisation' && (
        <PriorityGroup
          fields={[
            ...(environment !== 'none' ? [{ field: 'desktop.environment' as const, what: 'the desktop' }] : []),
            ...(displayManager !== 'none' && (displayManager !== 'auto' || usual) ? [{ field: 'desktop.displayManager' as const, what: 'the display manager' }] : []),
            ...(autoLogin !== null ? [{ field: 'desktop.autoLogin' as const, what: 'the autologin user' }] : []),
          ]}
        />
      )}
    </Section>
  );
}
