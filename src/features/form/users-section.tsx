import { useQuery } from '@tanstack/react-query';
import { memo, useMemo } from 'react';
import { groupsQuery } from '../../catalog/queries';
import { addUser, removeUser, setUserField } from '../../model/operations';
import type { User } from '../../model/types';
import { KNOWN_SHELLS } from '../../nix/releases';
import { ChipsField } from './chips-field';
import { Field } from './field';
import { useFormContext } from './form-context';
import { Section } from './section';
import { SuggestInput, type Suggestion } from './suggest-input';
import { UidField } from './uid-field';
import { useEdit } from './use-edit';

const SHELLS: Suggestion[] = KNOWN_SHELLS.map((value) => ({ value }));

export function UsersSection() {
  const { index, specialisation: s } = useFormContext();
  const edit = useEdit();
  const groups = useQuery(groupsQuery());
  const groupSuggestions = useMemo<Suggestion[]>(
    () =>
      (groups.data?.groups ?? []).map((g) => ({
        value: g.name,
        description: g.createdBy ? `${g.description} (needs ${g.createdBy})` : g.description,
      })),
    [groups.data],
  );
  return (
    <Section
      id={`specialisations[${index}]-users`}
      title="Users"
      description="Accounts that exist in this entry, on top of those of your main configuration."
    >
      {groups.isError && (
        <p className="catalog-note" role="note">
          The list of NixOS groups could not be loaded; type group names yourself.
        </p>
      )}
      {s.users.map((u, ui) => (
        <UserFields key={ui} si={index} ui={ui} user={u} groups={groupSuggestions} />
      ))}
      <button type="button" className="button" onClick={() => edit(null, (p) => addUser(p, index))}>
        Add user
      </button>
    </Section>
  );
}

/** One user's fields; typing in one user re-renders that user only (the others' objects are unchanged). */
const UserFields = memo(function UserFields({ si, ui, user: u, groups }: { si: number; ui: number; user: User; groups: Suggestion[] }) {
  const edit = useEdit();
  const p = `specialisations[${si}].users[${ui}]`;
  const set = <K extends keyof User>(key: K, value: User[K], coalesce = true) =>
    edit(coalesce ? `${p}.${key}` : null, (x) => setUserField(x, si, ui, key, value));
  const orNull = (text: string) => (text === '' ? null : text);
  return (
    <fieldset className="user" data-field-path={p}>
      <legend>
        User {ui + 1}
        {u.name && <span className="legend-detail"> · {u.name}</span>}
      </legend>
      <div className="field-grid">
        <Field path={`${p}.name`} label="User name">
          {(control) => (
            <input {...control} type="text" className="mono" autoComplete="off" spellCheck={false} value={u.name} onChange={(e) => set('name', e.target.value)} />
          )}
        </Field>
        <UidField si={si} ui={ui} uid={u.uid} />
      </div>
      <Field path={`${p}.isNormalUser`} label="Normal user (a person, with a home directory)" kind="check">
        {(control) => <input {...control} type="checkbox" checked={u.isNormalUser} onChange={(e) => set('isNormalUser', e.target.checked, false)} />}
      </Field>
      <Field path={`${p}.description`} label="Description">
        {(control) => (
          <input {...control} type="text" placeholder="Full name" value={u.description ?? ''} onChange={(e) => set('description', orNull(e.target.value))} />
        )}
      </Field>
      <ChipsField
        path={`${p}.extraGroups`}
        label="Groups"
        item="group"
        values={u.extraGroups}
        onChange={(v) => set('extraGroups', v, false)}
        suggestions={groups}
        placeholder="e.g. wheel, networkmanager, video"
      />
      <Field path={`${p}.shell`} label="Shell" hint="Empty keeps the system default (bash).">
        {(control) => (
          <SuggestInput
            control={control}
            className="mono"
            value={u.shell ?? ''}
            onChange={(t) => set('shell', orNull(t.trim()))}
            onPick={(v) => set('shell', v)}
            suggestions={SHELLS}
          />
        )}
      </Field>
      <Field
        path={`${p}.hashedPassword`}
        label="Hashed password"
        hint={
          <>
            Make one with <code>mkpasswd -m sha-512</code>; never paste the password itself.
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            type="text"
            className="mono"
            autoComplete="off"
            spellCheck={false}
            placeholder="$6$…"
            value={u.hashedPassword ?? ''}
            onChange={(e) => set('hashedPassword', orNull(e.target.value))}
          />
        )}
      </Field>
      <ChipsField
        path={`${p}.authorizedKeys`}
        label="SSH public keys"
        item="key"
        values={u.authorizedKeys}
        onChange={(v) => set('authorizedKeys', v, false)}
        split={false}
        mono
        placeholder="ssh-ed25519 AAAA… you@host"
      />
      <button type="button" className="button button-danger" onClick={() => edit(null, (x) => removeUser(x, si, ui))}>
        Remove user {u.name || ui + 1}
      </button>
    </fieldset>
  );
});
