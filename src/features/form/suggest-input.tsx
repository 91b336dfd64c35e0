import { useId, useState, type KeyboardEvent } from 'react';
import type { ControlProps } from './field';

export interface Suggestion {
  value: string;
  description?: string;
}

interface Props {
  control: ControlProps;
  value: string;
  onChange: (text: string) => void;
  /** A suggestion was chosen (click, or Enter on the highlighted one). */
  onPick: (value: string) => void;
  /** Enter with no suggestion highlighted. */
  onEnter?: () => void;
  suggestions: readonly Suggestion[];
  /** Matches shown at once. */
  limit?: number;
  /** false: `suggestions` already match the text (in their order); show the first `limit` as they are. */
  filter?: boolean;
  placeholder?: string;
  className?: string;
}

/** The suggestions that match typed text: names starting with it first, then names or descriptions containing it. */
export function matchSuggestions(all: readonly Suggestion[], text: string, limit: number): Suggestion[] {
  const q = text.trim().toLowerCase();
  if (!q) return all.slice(0, limit);
  const starts = all.filter((s) => s.value.toLowerCase().startsWith(q));
  const contains = all.filter(
    (s) => !starts.includes(s) && (s.value.toLowerCase().includes(q) || (s.description ?? '').toLowerCase().includes(q)),
  );
  return [...starts, ...contains].slice(0, limit);
}

/** A text input with a list of suggestions (ARIA combobox); free text stays possible. */
export function SuggestInput({ control, value, onChange, onPick, onEnter, suggestions, limit = 8, filter = true, placeholder, className }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = !open ? [] : filter ? matchSuggestions(suggestions, value, limit) : suggestions.slice(0, limit);
  const expanded = open && matches.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  const pick = (v: string) => {
    onPick(v);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const n = matches.length;
      if (n) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (expanded && active >= 0 && matches[active]) pick(matches[active].value);
      else {
        onEnter?.();
        setOpen(false);
      }
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="suggest">
      <input
        {...control}
        className={className}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          control.onBlur();
        }}
      />
      <ul id={listId} role="listbox" className="suggest-list" hidden={!expanded} aria-label="Suggestions">
        {matches.map((s, i) => (
          <li
            key={s.value}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'suggest-option active' : 'suggest-option'}
            // mousedown, not click: it runs before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(s.value);
            }}
          >
            <span className="suggest-value">{s.value}</span>
            {s.description && <span className="suggest-description">{s.description}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
