import { useDeferredValue, useId, useMemo, useState } from 'react';
import { compareEntries, GROUPS, moveBetween, PARENT, type Cell, type Comparison, type How, type Row } from '../../nixos/compare/compare';
import { TRANSITION_LABEL, type Transition } from '../../nixos/transition';
import type { Project } from '../../model/types';
import { studioStore, useStudio } from '../../store/studio-store';
import './compare.css';
import { useSameArray } from '../../store/same-array';

/** At most this many specialisations: all entries can be shown side by side. */
export const ALL_ENTRIES_MAX = 3;

const HOW_LABEL: Record<How, string> = {
  parent: '',
  unknown: '',
  inherited: 'inherited',
  set: 'its own',
  replaced: 'replaced',
  forced: 'forced',
  added: 'added',
  'not-taken': 'not taken',
  'not-compared': 'not compared',
  none: '',
};

const TRANSITION_WHY: Record<Transition, string> = {
  switch: 'switch-to-configuration switch applies it to the running system',
  relogin: 'the switch restarts the display manager or changes users: log out and in again',
  reboot: 'read only at boot: restart and pick the entry in the boot menu',
};

const entryName = (names: readonly string[], index: number) => (index === PARENT ? 'parent' : names[index] ?? `entry ${index + 1}`);

/**
 * The Compare tab: the parent and the specialisations side by side, what each ends up with and
 * how, and what moving between two of them takes. Computed only while shown, for the entries
 * picked, and again only when one of them (or the main system) changes.
 */
export function ComparePanel() {
  const names = useStudio(useSameArray((s) => s.project.specialisations.map((x) => x.name)));
  const selected = useStudio((s) => s.selected);
  const [first, setFirst] = useState<number>(PARENT);
  const [second, setSecond] = useState<number | null>(null);
  const [allEntries, setAllEntries] = useState(false);
  const [everyRow, setEveryRow] = useState(false);
  const id = useId();

  const clamp = (i: number) => (i === PARENT || i < names.length ? i : PARENT);
  const a = clamp(first);
  const b = clamp(second ?? (selected >= 0 && selected < names.length ? selected : names.length ? 0 : PARENT));
  const few = names.length <= ALL_ENTRIES_MAX && names.length > 1;
  const showAll = few && allEntries;
  const indexes = useMemo(() => (showAll ? [PARENT, ...names.map((_, i) => i)] : [a, b]), [showAll, names, a, b]);

  // What the comparison reads: the main system, the release and the picked entries (names for boot order).
  // Shallow-equal while typing elsewhere, so a keystroke in another specialisation computes nothing.
  const inputs = useStudio(
    useSameArray((s) => [s.project.base, s.project.nixosRelease, ...indexes.map((i) => (i === PARENT ? null : s.project.specialisations[i]))]),
  );
  const base = inputs[0] as Project['base'];
  // Deferred: a keystroke in a compared entry is drawn first, the comparison follows in a render of its own.
  const settled = useDeferredValue(inputs);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- settled and names say when the store's project changed for it
  const comparison = useMemo(() => compareEntries(studioStore.getState().project, indexes), [settled, names, indexes]);

  if (names.length === 0)
    return <p className="compare-empty">Add a specialisation to compare it with the parent system.</p>;

  const options = (
    <>
      <option value={PARENT}>parent (the main system)</option>
      {names.map((n, i) => (
        <option key={i} value={i}>
          {n || `(unnamed ${i + 1})`}
        </option>
      ))}
    </>
  );
  const rows = comparison.rows.filter((r) => everyRow || differs(r));
  const columnNames = comparison.entries.map((e) => entryName(names, e.index));

  return (
    <div className="compare">
      <p className="compare-intro">
        What each boot entry ends up with: the parent&apos;s settings, unless a specialisation replaces or adds to them.
        {base ? '' : ' The main system is not described, so the parent’s own values are unknown here.'}
      </p>
      <div className="compare-pick">
        {!showAll && (
          <>
            <label htmlFor={`${id}-a`}>Compare</label>
            <select id={`${id}-a`} value={a} onChange={(e) => setFirst(Number(e.target.value))}>
              {options}
            </select>
            <label htmlFor={`${id}-b`}>with</label>
            <select id={`${id}-b`} value={b} onChange={(e) => setSecond(Number(e.target.value))}>
              {options}
            </select>
          </>
        )}
        {few && (
          <label className="compare-check">
            <input type="checkbox" checked={allEntries} onChange={(e) => setAllEntries(e.target.checked)} /> All entries side by side
          </label>
        )}
        <label className="compare-check">
          <input type="checkbox" checked={everyRow} onChange={(e) => setEveryRow(e.target.checked)} /> Show the rows that do not differ
        </label>
      </div>
      <Moves comparison={comparison} names={columnNames} />
      {rows.length === 0 ? (
        <p className="compare-same">
          {a === b && !showAll ? 'The same entry twice: nothing differs.' : 'Nothing the forms describe differs between these entries.'}
        </p>
      ) : (
        <table className="compare-table">
          <caption>
            {showAll ? 'All boot entries' : `${columnNames[0]} and ${columnNames[1]}`}:{' '}
            {everyRow ? `${rows.length} rows` : `${rows.length} thing${rows.length === 1 ? '' : 's'} that differ${rows.length === 1 ? 's' : ''}`}
          </caption>
          <colgroup>
            <col className="compare-col-label" />
            {columnNames.map((_, i) => (
              <col key={i} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              {comparison.entries.map((e, i) => (
                <th scope="col" key={i}>
                  {columnNames[i]}
                  {e.separate ? <span className="compare-kind"> (separate system)</span> : null}
                  {e.condition !== null ? <span className="compare-kind"> only when {e.condition}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          {GROUPS.map((group) => {
            const inGroup = rows.filter((r) => r.group === group);
            if (!inGroup.length) return null;
            return (
              <tbody key={group}>
                <tr className="compare-group">
                  <th scope="rowgroup" colSpan={columnNames.length + 1}>
                    {group}
                  </th>
                </tr>
                {inGroup.map((r) => (
                  <tr key={r.id} className={differs(r) ? 'compare-differs' : undefined}>
                    <th scope="row">
                      {r.label}
                      <span className="compare-takes">{TRANSITION_LABEL[r.transition]}</span>
                    </th>
                    {r.cells.map((c, i) => (
                      <td key={i}>
                        <CellValue cell={c} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      )}
    </div>
  );
}

const differs = (r: Row) => r.cells.some((c) => c.key !== r.cells[0].key);

function CellValue({ cell }: { cell: Cell }) {
  const how = HOW_LABEL[cell.how];
  return (
    <>
      {cell.items ? (
        <ul className="compare-items">
          {cell.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <span className={cell.how === 'unknown' || cell.text === '—' ? 'compare-value compare-muted' : 'compare-value'}>{cell.text}</span>
      )}
      {how && <span className={`compare-how compare-how-${cell.how}`}>{how}</span>}
      {cell.note && <span className="compare-note">{cell.note}</span>}
    </>
  );
}

/** What moving between the compared entries takes, pair by pair. */
function Moves({ comparison, names }: { comparison: Comparison; names: string[] }) {
  const pairs: [number, number][] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.push([i, j]);
  if (!pairs.length) return null;
  return (
    <ul className="compare-moves" aria-label="What moving between entries takes">
      {pairs.map(([i, j]) => {
        const move = moveBetween(comparison, i, j);
        const nothing = Object.values(move.because).every((l) => !l.length);
        return (
          <li key={`${i}-${j}`} className={`compare-move compare-move-${nothing ? 'none' : move.transition}`}>
            <strong>
              {names[i]} ↔ {names[j]}: {nothing ? 'nothing to apply' : TRANSITION_LABEL[move.transition]}
            </strong>
            {!nothing && (
              <>
                {' '}
                <span className="compare-move-why">({TRANSITION_WHY[move.transition]})</span>
                <span className="compare-move-what">
                  {(['reboot', 'relogin', 'switch'] as const)
                    .filter((t) => move.because[t].length)
                    .map((t) => `${t === 'switch' ? 'on a switch' : t === 'relogin' ? 'after a re-login' : 'after a reboot'}: ${move.because[t].join(', ')}`)
                    .join('; ')}
                </span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
