import './priority-field.css';
import { useContext } from 'react';
import { setSpecialisationField } from '../../model/operations';
import type { FieldPriority, FieldPriorityKey } from '../../model/types';
import { Field } from './field';
import { FormContext } from './form-context';
import { useStudio } from '../../store/studio-store';
import { useEdit } from './use-edit';

const LABELS: Record<FieldPriority, string> = {
  normal: 'As needed (lib.mkForce only where the main system sets it too)',
  default: 'lib.mkDefault: a value set elsewhere wins',
  force: 'lib.mkForce: this value wins',
};

/**
 * How strongly a form field's option is written (issue: configurations force or default what the
 * form holds). Shown in a specialisation's form only, under the field it belongs to.
 */
export function PriorityField({ field, what }: { field: FieldPriorityKey; what: string }) {
  const form = useContext(FormContext);
  const edit = useEdit();
  const value = useStudio((s) => (form ? s.project.specialisations[form.index]?.priorities[field] : undefined));
  if (!form || value === undefined) return null;
  const { index } = form;
  return (
    <Field
      path={`specialisations[${index}].priorities.${field}`}
      label={`Priority of ${what}`}
      hint={value === 'normal' ? undefined : `Written with ${value === 'force' ? 'lib.mkForce' : 'lib.mkDefault'}.`}
    >
      {(control) => (
        <select
          {...control}
          className="priority-select"
          value={value}
          onChange={(e) =>
            edit(null, (p) =>
              setSpecialisationField(p, index, 'priorities', { ...p.specialisations[index].priorities, [field]: e.target.value as FieldPriority }),
            )
          }
        >
          {(Object.keys(LABELS) as FieldPriority[]).map((k) => (
            <option key={k} value={k}>
              {LABELS[k]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The priorities of a section's fields that hold a value, folded away unless one is chosen: most
 * entries never need them, imported configurations often do.
 */
export function PriorityGroup({ fields }: { fields: { field: FieldPriorityKey; what: string }[] }) {
  const form = useContext(FormContext);
  const priorities = useStudio((s) => (form ? s.project.specialisations[form.index]?.priorities : undefined));
  if (!priorities || fields.length === 0) return null;
  const chosen = fields.some((f) => priorities[f.field] !== 'normal');
  return (
    <details className="priority-group" open={chosen || undefined}>
      <summary>Priorities (lib.mkDefault, lib.mkForce)</summary>
      {fields.map((f) => (
        <PriorityField key={f.field} field={f.field} what={f.what} />
      ))}
    </details>
  );
}
