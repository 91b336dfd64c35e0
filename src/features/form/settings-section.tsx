import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { packagesQuery } from '../../catalog/queries';
import { addSetting, moveSetting, parseOptionPath, removeSetting, updateSetting } from '../../model/operations';
import { PRIORITIES, SETTING_TYPES, type Priority, type Setting, type SettingType } from '../../model/types';
import { print } from '../../nix/printer';
import { settingExpr } from '../../nixos/settings';
import { attrPath } from '../../nix/strings';
import { studioStore, undo, useStudio } from '../../store/studio-store';
import { useOptionIndex } from '../options/option-index';
import { isFreshRow, optionCompletions, pathText, placeholderRange, rowForOption } from '../options/option-paths';
import { ChipsField } from './chips-field';
import { Field, OptionDocLink, type ControlProps, type FieldMessage } from './field';
import { fieldId } from './field-id';
import { useFormContext } from './form-context';
import { Section } from './section';
import { SuggestInput, type Suggestion } from './suggest-input';
import { useEdit, useFocusReport } from './use-edit';
import './settings-section.css';

/**
 * Settings: any NixOS option as a typed row (option path, type, value, priority, an optional condition).
 * The section subscribes to the list of rows; each row to its own row, so typing in one row renders that
 * row only. Rows keep a key of their own across moves and removals (see {@link rowKeys}), so what a row
 * holds that the project cannot (option path text that does not parse yet) moves with it.
 */

const NO_ROWS: Setting[] = [];

const TYPE_LABELS: Record<SettingType, string> = {
  bool: 'boolean',
  int: 'integer',
  string: 'string',
  path: 'path',
  strings: 'strings (list)',
  packages: 'packages (list)',
  nix: 'Nix expression',
};

const PRIORITY_LABELS: Record<Priority, string> = {
  normal: 'normal',
  default: 'lib.mkDefault',
  force: 'lib.mkForce',
  override: 'lib.mkOverride N',
};

const LIST_TYPES: readonly SettingType[] = ['strings', 'packages'];
const isList = (t: SettingType) => LIST_TYPES.includes(t);

/** Packages typed as one text: split on blanks and commas, as the packages field does. */
const splitPackages = (text: string) => text.split(/[\s,]+/).filter((x) => x !== '');

/**
 * A row with another type, keeping what it can: text typed as a value becomes a list's first item (packages:
 * one per word), a list becomes text when the row has none (a Nix expression: the list as Nix), and the value
 * and the items are both kept, so switching back gives them again. Changing the type is an undo step.
 */
export function changeType(row: Setting, type: SettingType): Setting {
  if (row.type === type) return row;
  const next: Setting = { ...row, type };
  const text = row.value.trim();
  if (isList(type)) {
    if (row.items.length === 0 && text !== '' && row.type !== 'bool')
      next.items = type === 'packages' ? splitPackages(text) : [row.value];
  } else if (isList(row.type) && row.items.length > 0 && (text === '' || (type !== 'bool' && row.value === 'true'))) {
    if (type === 'nix') next.value = print(settingExpr({ ...row, priority: 'normal', overridePriority: null, condition: null })).text.trimEnd();
    else if (type !== 'bool') next.value = row.items.join(' ');
  }
  return next;
}

/**
 * A key per row that follows the row: a row object still in the list keeps its key (a move, a removal
 * before it, an undo), an edited row (a new object) keeps the key of its place, others get new ones.
 */
export function rowKeys(before: readonly Setting[], keys: readonly number[], rows: readonly Setting[]): number[] {
  const used = new Set<number>();
  const out: (number | null)[] = rows.map((row) => {
    const i = before.findIndex((r, k) => r === row && !used.has(k));
    if (i < 0) return null;
    used.add(i);
    return keys[i];
  });
  let fresh = Math.max(-1, ...keys) + 1;
  return out.map((key, j) => {
    if (key !== null) return key;
    if (j < before.length && !used.has(j) && !rows.includes(before[j])) {
      used.add(j);
      return keys[j];
    }
    return fresh++;
  });
}

function useRowKeys(rows: readonly Setting[]): number[] {
  const [track, setTrack] = useState(() => ({ rows, keys: rows.map((_, i) => i) }));
  if (track.rows === rows) return track.keys;
  const keys = rowKeys(track.rows, track.keys, rows);
  // Derived from the previous render's rows: React renders again at once with these.
  setTrack({ rows, keys });
  return keys;
}

const focusId = (id: string) => document.getElementById(id)?.focus();

export function SettingsSection() {
  const { index: si } = useFormContext();
  const rows = useStudio((s) => s.project.specialisations[si]?.settings ?? NO_ROWS);
  const keys = useRowKeys(rows);
  const edit = useEdit();
  const listPath = `specialisations[${si}].settings`;
  const add = () => {
    const at = rows.length;
    flushSync(() => edit(null, (p) => addSetting(p, si)));
    focusId(fieldId(`${listPath}[${at}].path`));
  };
  return (
    <Section
      id={`specialisations[${si}]-settings`}
      title="Other settings"
      description={
        <>
          Any other NixOS option, one row each, written <code>option = value;</code> after what the sections above write.
          Priority lib.mkForce wins over a value your main configuration sets; lib.mkDefault gives way to it.
        </>
      }
    >
      {rows.length === 0 ? (
        <p className="settings-empty">No settings yet: add one for an option the sections above do not cover, such as services.tlp.enable.</p>
      ) : (
        <ol className="settings-list">
          {keys.map((key, ri) => (
            <li key={key}>
              <SettingRow si={si} ri={ri} last={ri === rows.length - 1} />
            </li>
          ))}
        </ol>
      )}
      <button type="button" id={`${fieldId(listPath)}-add`} className="button" onClick={add}>
        Add setting
      </button>
    </Section>
  );
}

interface RowProps {
  si: number;
  ri: number;
  last: boolean;
}

/** One row, subscribed to its own setting: an edit elsewhere does not render it. */
const SettingRow = memo(function SettingRow({ si, ri, last }: RowProps) {
  const row = useStudio((s) => s.project.specialisations[si]?.settings[ri]);
  return row ? <SettingFields si={si} ri={ri} last={last} row={row} /> : null;
});

function SettingFields({ si, ri, last, row }: RowProps & { row: Setting }) {
  const edit = useEdit();
  const rp = `specialisations[${si}].settings[${ri}]`;
  const n = ri + 1;
  // Any control of the row highlights the row's lines in the preview (its fields have no lines of their own).
  const focus = useFocusReport(rp);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const update = (coalesce: string | null, recipe: (r: Setting) => Setting) => edit(coalesce, (p) => updateSetting(p, si, ri, recipe));
  const named = (control: ControlProps, name: string) => ({ ...control, 'aria-label': `${name} of setting ${n}` });

  const move = (to: number) => {
    flushSync(() => edit(null, (p) => moveSetting(p, si, ri, to)));
    // This row's controls moved with it; keep the focus on a move button that still works.
    const count = studioStore.getState().project.specialisations[si]?.settings.length ?? 0;
    if (to === 0) down.current?.focus();
    else if (to === count - 1) up.current?.focus();
    else (to < ri ? up : down).current?.focus();
  };

  const remove = () => {
    const store = studioStore.getState();
    const removed = store.project.specialisations[si]?.settings[ri];
    if (!removed) return;
    flushSync(() => edit(null, (p) => removeSetting(p, si, ri)));
    const after = studioStore.getState().project;
    const left = after.specialisations[si]?.settings.length ?? 0;
    const list = `specialisations[${si}].settings`;
    focusId(left === 0 ? `${fieldId(list)}-add` : `${fieldId(`${list}[${Math.min(ri, left - 1)}]`)}-remove`);
    const label = `setting ${n}${removed.path.length ? ` (${attrPath(removed.path)})` : ''}`;
    store.notify({
      kind: 'info',
      message: `Removed ${label}.`,
      actions: [
        {
          label: `Undo removing ${label}`,
          run: () => {
            const state = studioStore.getState();
            // Right after the removal undo is exact; after other edits, put the row back without losing them.
            flushSync(() => {
              if (state.project === after) undo();
              else state.setProject((p) => addSetting(p, si, removed, ri));
              if (studioStore.getState().project.specialisations[si]) studioStore.getState().select(si);
            });
            focusId(fieldId(`${rp}.path`));
          },
        },
      ],
    });
  };

  return (
    <fieldset className="setting" data-field-path={rp} onFocus={focus.onFocus} onBlur={focus.onBlur}>
      <legend>
        Setting {n}
        {row.path.length > 0 && <span className="legend-detail"> · {attrPath(row.path)}</span>}
      </legend>
      <div className="setting-head">
        <PathField si={si} ri={ri} n={n} path={row.path} />
        <Field path={`${rp}.type`} label="Type">
          {(control) => (
            <select {...named(control, 'Type')} value={row.type} onChange={(e) => update(null, (r) => changeType(r, e.target.value as SettingType))}>
              {SETTING_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ValueField si={si} ri={ri} n={n} row={row} />
      <div className="setting-priority">
        <Field path={`${rp}.priority`} label="Priority">
          {(control) => (
            <select
              {...named(control, 'Priority')}
              value={row.priority}
              onChange={(e) => {
                const priority = e.target.value as Priority;
                update(null, (r) => ({ ...r, priority, overridePriority: priority === 'override' ? (r.overridePriority ?? 100) : null }));
              }}
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {row.priority === 'override' && <OverrideField si={si} ri={ri} n={n} value={row.overridePriority} />}
      </div>
      <ConditionField si={si} ri={ri} n={n} condition={row.condition} />
      <div className="button-row setting-actions">
        <button ref={up} type="button" id={`${fieldId(rp)}-up`} className="button-small" disabled={ri === 0} onClick={() => move(ri - 1)}>
          Move up<span className="visually-hidden"> setting {n}</span>
        </button>
        <button ref={down} type="button" id={`${fieldId(rp)}-down`} className="button-small" disabled={last} onClick={() => move(ri + 1)}>
          Move down<span className="visually-hidden"> setting {n}</span>
        </button>
        <button type="button" id={`${fieldId(rp)}-remove`} className="button-small button-danger" onClick={remove}>
          Remove<span className="visually-hidden"> setting {n}</span>
        </button>
      </div>
    </fieldset>
  );
}

interface PartProps {
  si: number;
  ri: number;
  /** The row's number as people count (setting 2), for unique names. */
  n: number;
}

const PATH_PROBLEM =
  'not an option path yet: names separated by dots, names with dots or spaces in double quotes, such as fileSystems."/".device';
const NAME_PROBLEM = 'replace <name> with a name of your own (the project keeps the last path until then)';

/** Option paths suggested at once while typing a row's path. */
const PATH_SUGGESTIONS = 12;

/**
 * The option path keeps whatever is typed; text that is not a path yet stays in the field with a message, and
 * the project keeps the row's last path meanwhile (as the uid field does). The release's option catalog (loaded
 * once a row exists) suggests paths; picking one gives a row still as Add setting made it the option's type. An
 * option the release renamed gets a button that moves the row to the new name.
 */
function PathField({ si, ri, n, path }: PartProps & { path: string[] }) {
  const edit = useEdit();
  const release = useStudio((s) => s.project.nixosRelease);
  const index = useOptionIndex(release);
  const fp = `specialisations[${si}].settings[${ri}].path`;
  const key = JSON.stringify(path);
  // The typed text and the path it stood for; once the project's path moves (undo), the project wins.
  const [draft, setDraft] = useState<{ text: string; key: string } | null>(null);
  const text = draft && draft.key === key ? draft.text : attrPath(path);
  const parsed = parseOptionPath(text);
  const extra: FieldMessage[] =
    parsed === null ? [{ severity: 'error', message: placeholderRange(text) ? NAME_PROBLEM : PATH_PROBLEM }] : [];
  const completions = useMemo(() => {
    const found = index ? optionCompletions(index, text, PATH_SUGGESTIONS) : [];
    return new Map(found.map((c) => [pathText(c.path), c.option]));
  }, [index, text]);
  // Not the path already typed in full: the list would only cover the fields below.
  const suggestions = useMemo<Suggestion[]>(
    () => [...completions].filter(([value]) => value !== text.trim()).map(([value, option]) => ({ value, description: option.type })),
    [completions, text],
  );
  const setPath = (next: string, coalesce: string | null, recipe: (r: Setting) => Setting = (r) => r) => {
    const names = parseOptionPath(next);
    setDraft({ text: next, key: names === null ? key : JSON.stringify(names) });
    edit(coalesce, (p) =>
      updateSetting(p, si, ri, (r) => recipe(names === null || JSON.stringify(r.path) === JSON.stringify(names) ? r : { ...r, path: names })),
    );
  };
  const focusPath = (select?: { start: number; end: number } | null) => {
    const input = document.getElementById(fieldId(fp)) as HTMLInputElement | null;
    input?.focus();
    if (select) input?.setSelectionRange(select.start, select.end);
  };
  const pick = (value: string) => {
    const option = completions.get(value);
    // One undo step: the path and, for a row as Add setting made it, the option's type.
    flushSync(() => setPath(value, null, (r) => (option && isFreshRow(r) ? rowForOption(r, option) : r)));
    // A `<name>` left in the path is selected, so typing replaces it.
    focusPath(placeholderRange(value));
  };
  const renamed = index && path.length > 0 && index.catalog.release === release ? index.renameOf(path) : undefined;
  const renameTo = renamed?.to;
  const applyRename = (to: string[]) => {
    flushSync(() => edit(null, (p) => updateSetting(p, si, ri, (r) => (JSON.stringify(r.path) === key ? { ...r, path: to } : r))));
    focusPath();
  };
  const option = path.length > 0 ? attrPath(path) : null;
  return (
    <Field path={fp} label="Option path" extra={extra}>
      {(control) => {
        const labelled = { ...control, 'aria-label': `Option path of setting ${n}` };
        return (
          <div className="setting-path">
            <SuggestInput
              control={labelled}
              value={text}
              onChange={(next) => setPath(next, fp)}
              onPick={pick}
              suggestions={suggestions}
              limit={PATH_SUGGESTIONS}
              filter={false}
              placeholder="services.tlp.enable"
              className="mono"
            />
            {option && <OptionDocLink option={option} release={release} />}
            {renameTo && (
              <button type="button" className="button-small setting-rename" onClick={() => applyRename(renameTo)}>
                Use {attrPath(renameTo)}
                <span className="visually-hidden"> in setting {n}</span>
              </button>
            )}
          </div>
        );
      }}
    </Field>
  );
}

const VALUE_HINTS: Partial<Record<SettingType, string>> = {
  int: 'A whole number, such as 42 or -1.',
  string: 'Written exactly as typed; Enter starts a new line.',
  path: 'A path: ./file.nix (next to the module), /etc/file or <nixpkgs/…>.',
  nix: 'Any Nix expression, written as is.',
  strings: 'Each entry is one string, written exactly: Enter or Add adds what was typed.',
  packages: 'Attribute paths under pkgs, as on search.nixos.org/packages.',
};

const lines = (text: string) => text.split('\n').length;

/** The value's editor for the row's type: a select for a boolean, text for the others, chips for the lists. */
function ValueField({ si, ri, n, row }: PartProps & { row: Setting }) {
  const edit = useEdit();
  const rp = `specialisations[${si}].settings[${ri}]`;
  const setValue = (value: string, coalesce: boolean) =>
    edit(coalesce ? `${rp}.value` : null, (p) => updateSetting(p, si, ri, (r) => (r.value === value ? r : { ...r, value })));
  const label = `Value of setting ${n}`;
  const hint = VALUE_HINTS[row.type];

  if (isList(row.type)) {
    const packages = row.type === 'packages';
    return (
      <ItemsField
        path={`${rp}.items`}
        label={label}
        item={`setting ${n} ${packages ? 'package' : 'string'}`}
        packages={packages}
        values={row.items}
        hint={hint}
        onChange={(items) => edit(null, (p) => updateSetting(p, si, ri, (r) => ({ ...r, items })))}
      />
    );
  }

  return (
    <Field path={`${rp}.value`} label="Value" hint={hint}>
      {(control) => {
        const props = { ...control, 'aria-label': label };
        switch (row.type) {
          case 'bool': {
            const known = row.value === 'true' || row.value === 'false';
            return (
              <select {...props} className="setting-bool" value={row.value} onChange={(e) => setValue(e.target.value, false)}>
                {!known && <option value={row.value}>{row.value === '' ? '(none)' : `${row.value} (not true or false)`}</option>}
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            );
          }
          case 'int':
          case 'path':
            return (
              <input
                {...props}
                type="text"
                className="mono"
                inputMode={row.type === 'int' ? 'numeric' : undefined}
                autoComplete="off"
                spellCheck={false}
                placeholder={row.type === 'int' ? '42' : './file.nix'}
                value={row.value}
                onChange={(e) => setValue(e.target.value, true)}
              />
            );
          default:
            return (
              <textarea
                {...props}
                className="mono"
                rows={Math.min(12, Math.max(row.type === 'nix' ? 2 : 1, lines(row.value)))}
                spellCheck={false}
                autoCapitalize="off"
                placeholder={row.type === 'nix' ? '[ "a" "b" ]' : ''}
                value={row.value}
                onChange={(e) => setValue(e.target.value, true)}
              />
            );
        }
      }}
    </Field>
  );
}

interface ItemsProps {
  path: string;
  label: string;
  item: string;
  packages: boolean;
  values: string[];
  hint?: string;
  onChange: (items: string[]) => void;
}

/** A list row's items as chips; packages get the catalog's suggestions. */
function ItemsField({ packages, ...props }: ItemsProps) {
  return packages ? <PackageItems {...props} /> : <ChipsField {...props} split={false} />;
}

function PackageItems(props: Omit<ItemsProps, 'packages'>) {
  const catalog = useQuery(packagesQuery());
  const suggestions = useMemo<Suggestion[]>(
    () => (catalog.data?.packages ?? []).map((p) => ({ value: p.attr, description: p.description })),
    [catalog.data],
  );
  return <ChipsField {...props} suggestions={suggestions} mono placeholder="firefox" />;
}

const MAX_OVERRIDE = 10000;

/** What an override priority's text means: a priority, empty, or a message for text that is neither. */
export function parseOverride(text: string): { value: number | null } | { problem: string } {
  const t = text.trim();
  if (t === '') return { value: null };
  if (!/^\d+$/.test(t) || Number(t) > MAX_OVERRIDE) return { problem: `the priority of lib.mkOverride is a whole number from 0 to ${MAX_OVERRIDE}` };
  return { value: Number(t) };
}

/** N of lib.mkOverride N; text that is not a priority stays in the field, and the project keeps the last one. */
function OverrideField({ si, ri, n, value }: PartProps & { value: number | null }) {
  const edit = useEdit();
  const fp = `specialisations[${si}].settings[${ri}].overridePriority`;
  const [draft, setDraft] = useState<{ text: string; value: number | null } | null>(null);
  const text = draft && draft.value === value ? draft.text : value === null ? '' : String(value);
  const parsed = parseOverride(text);
  const extra: FieldMessage[] = 'problem' in parsed ? [{ severity: 'error', message: parsed.problem }] : [];
  const change = (next: string) => {
    const result = parseOverride(next);
    if ('problem' in result) return setDraft({ text: next, value });
    setDraft({ text: next, value: result.value });
    edit(fp, (p) => updateSetting(p, si, ri, (r) => (r.overridePriority === result.value ? r : { ...r, overridePriority: result.value })));
  };
  return (
    <Field path={fp} label="Override priority" extra={extra} hint="Lower wins: lib.mkForce is 50, a plain value 100, lib.mkDefault 1000.">
      {(control) => (
        <input
          {...control}
          aria-label={`Override priority of setting ${n}`}
          type="text"
          inputMode="numeric"
          className="mono setting-override"
          autoComplete="off"
          value={text}
          onChange={(e) => change(e.target.value)}
        />
      )}
    </Field>
  );
}

/** "Only if…": a toggle that reveals the condition; turning it off keeps the text here to bring back. */
function ConditionField({ si, ri, n, condition }: PartProps & { condition: string | null }) {
  const edit = useEdit();
  const rp = `specialisations[${si}].settings[${ri}]`;
  const fp = `${rp}.condition`;
  const toggleId = `${fieldId(rp)}-only-if`;
  // The condition last turned off, offered again when the toggle goes back on (undo brings it back too).
  const [kept, setKept] = useState('');
  const set = (next: string | null, coalesce: boolean) =>
    edit(coalesce ? fp : null, (p) => updateSetting(p, si, ri, (r) => (r.condition === next ? r : { ...r, condition: next })));
  const toggle = (on: boolean) => {
    if (on) {
      flushSync(() => set(kept, false));
      focusId(fieldId(fp));
    } else {
      setKept(condition ?? '');
      set(null, false);
    }
  };
  return (
    <div className="setting-condition">
      <span className="field-check">
        <input id={toggleId} type="checkbox" checked={condition !== null} onChange={(e) => toggle(e.target.checked)} />
        <label htmlFor={toggleId}>
          Only if…<span className="visually-hidden"> (setting {n})</span>
        </label>
      </span>
      {condition !== null && (
        <Field
          path={fp}
          label="Condition"
          hint={
            <>
              A Nix expression, such as <code>config.services.xserver.enable</code>; the setting is written{' '}
              <code>lib.mkIf (condition) …</code>.
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              aria-label={`Condition of setting ${n}`}
              type="text"
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={condition}
              onChange={(e) => set(e.target.value, true)}
            />
          )}
        </Field>
      )}
    </div>
  );
}
