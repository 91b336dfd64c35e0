import { useState } from 'react';
import { nextFreeUid, setUserField } from '../../model/operations';
import { derive, fieldDiagnostics } from '../../store/derived';
import { useStudio } from '../../store/studio-store';
import { Field, type FieldMessage } from './field';
import { useEdit } from './use-edit';

const MAX_UID = 4294967294;

/** What a uid text means: a uid, empty (let NixOS pick), or a message for text that is neither. */
export function parseUid(text: string): { uid: number | null } | { problem: string } {
  const t = text.trim();
  if (t === '') return { uid: null };
  if (!/^\d+$/.test(t)) return { problem: 'uid must be a whole number' };
  const n = Number(t);
  return n > MAX_UID ? { problem: `uid must be a whole number no larger than ${MAX_UID}` } : { uid: n };
}

interface Props {
  si: number;
  ui: number;
  uid: number | null;
}

/**
 * The uid keeps whatever is typed, even text that is not a number, so nothing the user typed is lost;
 * the project only takes valid values and keeps its last valid uid meanwhile.
 */
export function UidField({ si, ui, uid }: Props) {
  const path = `specialisations[${si}].users[${ui}].uid`;
  const edit = useEdit();
  const suggestion = useStudio((s) => nextFreeUid(s.project));
  // The typed text and the uid it stood for; once the project's uid moves (undo), the project wins.
  const [draft, setDraft] = useState<{ text: string; uid: number | null } | null>(null);
  const text = draft && draft.uid === uid ? draft.text : uid === null ? '' : String(uid);
  const parsed = parseUid(text);
  const extra: FieldMessage[] = 'problem' in parsed ? [{ severity: 'error', message: parsed.problem }] : [];
  // Offered where it helps: no uid yet, or one that is not usable.
  const modelError = useStudio((s) => fieldDiagnostics(derive(s.project).diagnostics, path).some((d) => d.severity === 'error'));
  const offer = uid === null || extra.length > 0 || modelError;

  const change = (next: string) => {
    const result = parseUid(next);
    if ('uid' in result) {
      setDraft({ text: next, uid: result.uid });
      edit(path, (p) => setUserField(p, si, ui, 'uid', result.uid));
    } else setDraft({ text: next, uid });
  };

  return (
    <Field path={path} label="uid" extra={extra} hint="Empty lets NixOS pick one.">
      {(control) => (
        <div className="input-with-button">
          <input {...control} type="text" inputMode="numeric" className="mono" autoComplete="off" value={text} onChange={(e) => change(e.target.value)} />
          {offer && uid !== suggestion && (
            <button type="button" className="button-small" onClick={() => change(String(suggestion))}>
              Use next free uid ({suggestion})
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
