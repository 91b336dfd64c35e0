import { useQuery } from '@tanstack/react-query';
import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { groupsQuery } from '../../catalog/queries';
import { addUser, removeUser, setUserField } from '../../model/operations';
import type { User } from '../../model/types';
import { KNOWN_SHELLS } from '../../nixos/releases';
import { ChipsField } from './chips-field';
import { Field } from './field';
import { clearFresh, markFresh } from './fresh-fields';
import { useFormContext, useSpecialisation } from './form-context';
import { subscribeUserRequest, userRequest } from './reveal-user';
import { Section } from './section';
import { SuggestInput, type Suggestion } from './suggest-input';
import { UidField } from './uid-field';
import { useEdit } from './use-edit';

const SHELLS: Suggestion[] = KNOWN_SHELLS.map((value) => ({ value }));

export function UsersSection() {
  const { index } = useFormContext();
  const users = useSpecialisation((s) => s.users);
  const edit = useEdit();
  const groups = useQuery(groupsQuery());
  // Marks of users added here (their fields' first messages wait for an edit or a blur) last while the section does.
  useEffect(() => () => clearFresh(`specialisations[${index}].users`), [index]);
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
      {users.length > WHOLE_LIST_UP_TO && typeof IntersectionObserver !== 'undefined' ? (
        <LongUsersList si={index} users={users} groups={groupSuggestions} />
      ) : (
        users.map((u, ui) => <UserFields key={ui} si={index} ui={ui} user={u} groups={groupSuggestions} />)
      )}
      <button
        type="button"
        className="button"
        onClick={() => {
          markFresh(`specialisations[${index}].users[${users.length}]`);
          edit(null, (p) => addUser(p, index));
        }}
      >
        Add user
      </button>
    </Section>
  );
}

/** Lists up to this long are rendered whole: every user's fields are on the page. */
export const WHOLE_LIST_UP_TO = 60;
/** Users per block: a longer list renders the blocks near the screen, and keeps the height of the others. */
const BLOCK = 20;
/** How far past the visible part of the page blocks are rendered, so that scrolling seldom shows an empty one. */
const AHEAD = '2000px 0px';
/** A user's height (px) until one is measured: a user without messages at the form's usual width. */
const ESTIMATED_USER_HEIGHT = 600;

interface Seen {
  /** Blocks within {@link AHEAD} of the visible part of the page. */
  near: ReadonlySet<number>;
  /** Blocks' heights when last rendered, for the space they keep when they are not. */
  heights: ReadonlyMap<number, number>;
}

/**
 * A long users list (thousands of users; 20,000 still open in seconds): blocks of {@link BLOCK} users,
 * rendered only near the screen, so opening, typing and layout cost what is on screen, not what is in
 * the list. The others keep their last height, so the page scrolls as if they were there. Tab moves on
 * to the next block (it is near the focused field, so rendered); a field picked elsewhere (the preview,
 * the problems list) asks for its user's block first (reveal-user.ts).
 */
function LongUsersList({ si, users, groups }: { si: number; users: User[]; groups: Suggestion[] }) {
  const list = useRef<HTMLDivElement>(null);
  const blocks = Math.ceil(users.length / BLOCK);
  const [seen, setSeen] = useState<Seen>(() => ({ near: new Set([0]), heights: new Map() }));
  const request = useSyncExternalStore(subscribeUserRequest, userRequest, () => null);
  const requested = request && request.si === si && request.ui < users.length ? Math.floor(request.ui / BLOCK) : -1;

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const near = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        const measured: [number, number][] = [];
        for (const e of entries) {
          const k = Number((e.target as HTMLElement).dataset.block);
          if (e.isIntersecting) near.add(k);
          else near.delete(k);
          if (e.target.childElementCount > 0) measured.push([k, e.boundingClientRect.height]);
        }
        setSeen((prev) => {
          const same = prev.near.size === near.size && [...near].every((k) => prev.near.has(k));
          if (same && measured.every(([k, h]) => prev.heights.get(k) === h)) return prev;
          return { near: same ? prev.near : new Set(near), heights: measured.length ? new Map([...prev.heights, ...measured]) : prev.heights };
        });
      },
      // The form scrolls with the page (a scrolling panel around it would clip the margin, not break the list).
      { rootMargin: AHEAD },
    );
    for (const block of el.querySelectorAll(':scope > [data-block]')) observer.observe(block);
    return () => observer.disconnect();
  }, [blocks]);

  let measuredHeight = 0;
  let measuredUsers = 0;
  for (const [k, h] of seen.heights) {
    if (k >= blocks) continue;
    measuredHeight += h;
    measuredUsers += Math.min(BLOCK, users.length - k * BLOCK);
  }
  const perUser = measuredUsers > 0 ? measuredHeight / measuredUsers : ESTIMATED_USER_HEIGHT;
  return (
    <div ref={list} className="users-list">
      <p className="users-list-note">
        {users.length.toLocaleString('en')} users: the form draws those near the screen as you scroll (find in page sees only those).
      </p>
      {Array.from({ length: blocks }, (_, k) => {
        const start = k * BLOCK;
        const end = Math.min(users.length, start + BLOCK);
        const shown = seen.near.has(k) || k === requested;
        return (
          <div key={k} data-block={k} className="users-block" style={shown ? undefined : { height: seen.heights.get(k) ?? (end - start) * perUser }}>
            {shown &&
              users.slice(start, end).map((u, j) => <UserFields key={start + j} si={si} ui={start + j} user={u} groups={groups} />)}
          </div>
        );
      })}
    </div>
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
