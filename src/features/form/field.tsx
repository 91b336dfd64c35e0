import { useState, type ReactNode } from 'react';
import type { Release, Severity } from '../../model/types';
import { optionDocsUrl, optionPathForField } from '../../nixos/option-docs';
import { useFieldDiagnostics } from '../../store/derived';
import { fieldId } from './field-id';
import { isFresh } from './fresh-fields';
import { useOptionalSettings } from './form-context';
import { useFocusReport } from './use-edit';

/** Props every control of a field gets: its id, its model path, its messages, focus reporting. */
export interface ControlProps {
  id: string;
  'data-field-path': string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  onFocus: () => void;
  onBlur: () => void;
}

export interface FieldMessage {
  severity: Severity;
  message: string;
}

interface Props {
  /** Model path, exactly as diagnostics name it: `specialisations[0].users[1].uid`. */
  path: string;
  label: string;
  hint?: ReactNode;
  /** A list field: it also shows the messages of its items (`…tags[2]`). */
  list?: boolean;
  /** `check`: a checkbox with its label after it. */
  kind?: 'block' | 'check';
  /** Messages the model cannot hold, such as text in a uid field that is not a number. */
  extra?: FieldMessage[];
  /** A height (px) the field keeps, clipping what grows, while a click elsewhere completes (see pointer-gesture.ts). */
  holdHeight?: number | null;
  children: (control: ControlProps) => ReactNode;
}

/** A form field: visible label, documentation link, the control, a hint and the field's own messages. */
export function Field({ path, label, hint, list = false, kind = 'block', extra = [], holdHeight, children }: Props) {
  const own = useFieldDiagnostics(path, list);
  const focus = useFocusReport(path);
  const id = fieldId(path);
  const all: FieldMessage[] = [...extra, ...own];
  // A field just added keeps the messages it was born with to itself until it is edited (they change) or left.
  const [quiet, setQuiet] = useState<string | null>(() => (isFresh(path) ? messagesKey(all) : null));
  const key = quiet === null ? null : messagesKey(all);
  // Once they have changed (an edit), they show from then on, even if they come back.
  if (quiet !== null && quiet !== key) setQuiet(null);
  const messages = quiet !== null && quiet === key ? [] : all;
  const hasError = messages.some((m) => m.severity === 'error');
  const described = [hint ? `${id}-hint` : null, messages.length ? `${id}-messages` : null].filter(Boolean).join(' ');
  const control: ControlProps = {
    id,
    'data-field-path': path,
    ...(described ? { 'aria-describedby': described } : {}),
    ...(hasError ? { 'aria-invalid': true as const } : {}),
    ...focus,
    onBlur: () => {
      if (quiet !== null) setQuiet(null);
      focus.onBlur();
    },
  };
  const state = hasError ? ' field-has-error' : messages.length ? ' field-has-warning' : '';
  return (
    <div className={`field field-is-${kind}${state}`} style={holdHeight != null ? { height: holdHeight, overflow: 'clip' } : undefined}>
      {kind === 'check' ? (
        <div className="field-head">
          <span className="field-check">
            {children(control)}
            <label htmlFor={id}>{label}</label>
          </span>
          <DocLink path={path} />
        </div>
      ) : (
        <>
          <div className="field-head">
            <label htmlFor={id}>{label}</label>
            <DocLink path={path} />
          </div>
          {children(control)}
        </>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {messages.length > 0 && (
        <ul id={`${id}-messages`} className="field-messages">
          {messages.map((m, i) => (
            <li key={i} className={`message message-${m.severity}`}>
              <span className="message-kind">{m.severity === 'error' ? 'Error' : 'Warning'}:</span> {m.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function messagesKey(messages: readonly FieldMessage[]): string {
  return messages.map((m) => `${m.severity}:${m.message}`).join('\n');
}

/** Link to the field's option on search.nixos.org, for the project's release; nothing when it sets no option. */
export function DocLink({ path }: { path: string }) {
  const settings = useOptionalSettings();
  const option = settings && optionPathForField(path, settings, settings.release);
  if (!settings || !option) return null;
  return <OptionDocLink option={option} release={settings.release} />;
}

/** Link to an option on search.nixos.org for a release. */
export function OptionDocLink({ option, release }: { option: string; release: Release }) {
  // Named by its content, not aria-label, so getByLabel('Tags') finds the field and not this link.
  return (
    <a
      className="doc-link"
      href={optionDocsUrl(option, release)}
      target="_blank"
      rel="noopener noreferrer"
      title={`${option} on search.nixos.org (${release}), opens in a new tab`}
    >
      <span className="visually-hidden">Documentation for </span>
      <span className="doc-link-option">{option}</span>
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
