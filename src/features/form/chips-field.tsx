import { useEffect, useRef, useState } from 'react';
import { appendUnique, removeAt } from '../../model/operations';
import { useFieldDiagnostics } from '../../store/derived';
import { Field, type ControlProps } from './field';
import { afterPointerGesture, pointerPressed } from './pointer-gesture';
import { SuggestInput, type Suggestion } from './suggest-input';

interface Props {
  path: string;
  label: string;
  /** What one entry is called, for button names: "Remove tag chani". */
  item: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  suggestions?: readonly Suggestion[];
  /** Split typed text on blanks and commas into several entries (not for SSH keys). */
  split?: boolean | ((text: string) => string[]);
  hint?: string;
  placeholder?: string;
  mono?: boolean;
}

/** A list field: entries as removable chips, and an input that adds what is typed (with suggestions, if given). */
export function ChipsField({ path, label, item, values, onChange, suggestions, split = true, hint, placeholder, mono }: Props) {
  const [text, setText] = useState('');
  // The field's height while a click elsewhere, whose pointerdown committed the typed text, completes.
  const [holdHeight, setHoldHeight] = useState<number | null>(null);
  const cancelHold = useRef<() => void>(() => {});
  useEffect(() => () => cancelHold.current(), []);
  const diagnostics = useFieldDiagnostics(path, true);
  const commit = (entry: string) => {
    const next = appendUnique(values, entry, split);
    if (next !== values) onChange(next);
    setText('');
  };
  const severityAt = (i: number) => {
    const own = diagnostics.filter((d) => d.path === `${path}[${i}]`);
    return own.some((d) => d.severity === 'error') ? 'error' : own.length ? 'warning' : null;
  };

  const input = (control: ControlProps) => {
    const onBlur = () => {
      if (text.trim()) {
        // Leaving by a pointer: the new chip (and its messages) must not push the control being clicked away.
        const field = pointerPressed() ? document.getElementById(control.id)?.closest('.field') : null;
        if (field) {
          setHoldHeight(field.getBoundingClientRect().height);
          cancelHold.current();
          cancelHold.current = afterPointerGesture(() => setHoldHeight(null));
        }
        commit(text);
      }
      control.onBlur();
    };
    return suggestions ? (
      <SuggestInput
        control={{ ...control, onBlur }}
        value={text}
        onChange={setText}
        onPick={commit}
        onEnter={() => commit(text)}
        suggestions={suggestions.filter((s) => !values.includes(s.value))}
        placeholder={placeholder}
        className={mono ? 'mono' : undefined}
      />
    ) : (
      <input
        {...control}
        onBlur={onBlur}
        type="text"
        className={mono ? 'mono' : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(text);
          }
        }}
      />
    );
  };

  return (
    <Field path={path} label={label} hint={hint} list holdHeight={holdHeight}>
      {(control) => (
        <div className="chips-field">
          {values.length > 0 && (
            <ul className="chips">
              {values.map((v, i) => {
                const severity = severityAt(i);
                return (
                  <li key={`${v}-${i}`} className={`chip${severity ? ` chip-${severity}` : ''}${mono ? ' mono' : ''}`}>
                    <span className="chip-text" data-field-path={`${path}[${i}]`} tabIndex={-1} title={v}>
                      {v}
                    </span>
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={`Remove ${item} ${v}`}
                      onClick={() => onChange(removeAt(values, i))}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <div className="chips-input">
            {input(control)}
            <button type="button" className="button-small" onClick={() => commit(text)} disabled={!text.trim()}>
              Add<span className="visually-hidden"> {item}</span>
            </button>
          </div>
        </div>
      )}
    </Field>
  );
}
