import type { Diagnostic } from '../../model/types';
import { useEffect, useMemo, useRef, useState } from 'react';
import { nixEntrySummary } from '../../nixos/entries';
import { derive } from '../../store/derived';
import { useStudio } from '../../store/studio-store';
import { ParentEntry } from '../parent/parent-entry';
import { EmptyState } from './empty-state';
import { Icon, type IconName } from './icons';
import { RenameInput } from './rename-input';
import { TemplateButtons } from './templates-menu';
import { useListActions } from './use-list-actions';
import { useSameArray } from '../../store/same-array';

type Action = 'up' | 'down' | 'select';

/** The project's specialisations: pick one to edit, add, duplicate, rename, reorder and delete. */
export function SpecialisationList() {
  const names = useStudio(useSameArray((s) => s.project.specialisations.map((x) => x.name)));
  // A Nix entry is shown by its expression; a conditional entry says so (see form/entry-section.tsx).
  const kinds = useStudio(useSameArray((s) => s.project.specialisations.map((x) => (x.nixEntry !== null ? nixEntrySummary(x.nixEntry) : x.condition !== null ? 'if' : ''))));
  // While the main system is shown, no specialisation is the selected one.
  const selected = useStudio((s) => (s.editingParent ? -1 : s.selected));
  const select = useStudio((s) => s.select);
  const actions = useListActions();
  const [renaming, setRenaming] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ index: number; action: Action } | null>(null);
  const [, rerender] = useState(0);
  const setRefocus = (target: { index: number; action: Action }) => {
    refocus.current = target;
    rerender((n) => n + 1);
  };

  // Keeps keyboard focus on the item that moved (or was renamed) rather than on its old slot.
  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    const find = (a: Action) =>
      listRef.current?.querySelector<HTMLButtonElement>(`[data-index="${target.index}"][data-action="${a}"]:not(:disabled)`);
    const other: Action = target.action === 'up' ? 'down' : 'up';
    (find(target.action) ?? find(other) ?? find('select'))?.focus();
  });

  // Counts per specialisation as plain numbers, so typing that changes no count re-renders nothing here.
  const flatCounts = useStudio(useSameArray((s) => problemCounts(derive(s.project).diagnostics, s.project.specialisations.length)));
  const counts = useMemo(() => {
    const byIndex = new Map<number, { errors: number; warnings: number }>();
    for (let i = 0; i < flatCounts.length; i += 2)
      if (flatCounts[i] || flatCounts[i + 1]) byIndex.set(i / 2, { errors: flatCounts[i], warnings: flatCounts[i + 1] });
    return byIndex;
  }, [flatCounts]);

  return (
    <section className="panel list-panel" aria-labelledby="specialisations-heading">
      <h2 id="specialisations-heading">Specialisations</h2>
      <ParentEntry />
      {names.length === 0 ? (
        <EmptyState onBlank={actions.addBlank} onTemplate={actions.addTemplate} />
      ) : (
        <>
          <ol className="spec-list" ref={listRef}>
            {names.map((name, i) => {
              const nixEntry = kinds[i] !== '' && kinds[i] !== 'if';
              const label = nixEntry ? kinds[i] : name || 'unnamed';
              const { errors, warnings } = counts.get(i) ?? { errors: 0, warnings: 0 };
              const move = (to: number, action: Action) => {
                actions.move(i, to);
                setRefocus({ index: to, action });
              };
              return (
                <li key={i} className={i === selected ? 'spec-item selected' : 'spec-item'}>
                  {renaming === i ? (
                    <RenameInput
                      name={name}
                      onDone={(next) => {
                        if (next) actions.rename(i, next);
                        setRenaming(null);
                        setRefocus({ index: i, action: 'select' });
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="spec-select"
                      aria-current={i === selected ? 'true' : undefined}
                      data-index={i}
                      data-action="select"
                      data-shows-form
                      onClick={() => select(i)}
                    >
                      <span className={name ? 'spec-name' : 'spec-name unnamed'}>{label}</span>
                      {nixEntry && <span className="badge">edited as Nix</span>}
                      {kinds[i] === 'if' && <span className="badge">only when…</span>}
                      {errors > 0 && <span className="badge badge-error">{errors} {errors === 1 ? 'error' : 'errors'}</span>}
                      {errors === 0 && warnings > 0 && (
                        <span className="badge badge-warning">
                          {warnings} {warnings === 1 ? 'warning' : 'warnings'}
                        </span>
                      )}
                    </button>
                  )}
                  <div className="spec-actions">
                    <IconButton label={`Move ${label} up`} index={i} action="up" disabled={i === 0} onClick={() => move(i - 1, 'up')} icon="up" />
                    <IconButton label={`Move ${label} down`} index={i} action="down" disabled={i === names.length - 1} onClick={() => move(i + 1, 'down')} icon="down" />
                    <IconButton label={`Rename ${label}`} index={i} onClick={() => setRenaming(i)} icon="rename" />
                    <IconButton label={`Duplicate ${label}`} index={i} onClick={() => actions.duplicate(i)} icon="duplicate" />
                    <IconButton label={`Delete ${label}`} index={i} onClick={() => actions.remove(i)} icon="delete" danger />
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="list-add">
            <button type="button" className="button button-primary" onClick={actions.addBlank} data-shows-form>
              Add specialisation
            </button>
            <details className="template-menu">
              <summary>Add from a template</summary>
              <TemplateButtons onPick={actions.addTemplate} />
            </details>
          </div>
        </>
      )}
    </section>
  );
}

interface IconButtonProps {
  label: string;
  icon: IconName;
  index: number;
  action?: Action;
  disabled?: boolean;
  danger?: boolean;
  onClick: () => void;
}

function IconButton({ label, icon, index, action, disabled, danger, onClick }: IconButtonProps) {
  return (
    <button
      type="button"
      className={danger ? 'icon-button danger' : 'icon-button'}
      aria-label={label}
      title={label}
      data-index={index}
      data-action={action}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

/** Errors and warnings of each specialisation, flat: [errors of 0, warnings of 0, errors of 1, …]. */
function problemCounts(diagnostics: readonly Diagnostic[], count: number): number[] {
  const out = new Array<number>(count * 2).fill(0);
  for (const d of diagnostics) {
    const m = /^specialisations\[(\d+)\]/.exec(d.path);
    if (m && Number(m[1]) < count) out[Number(m[1]) * 2 + (d.severity === 'error' ? 0 : 1)]++;
  }
  return out;
}
