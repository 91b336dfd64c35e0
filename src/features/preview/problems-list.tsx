import { memo, type Ref } from 'react';
import type { Diagnostic } from '../../model/types';
import { describePath, problemsHeading, type Note } from './problems';

interface Props {
  problems: readonly Diagnostic[];
  errors: number;
  warnings: number;
  names: readonly string[];
  onPick: (path: string) => void;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Information after the problems, each with a button that opens the main system to describe it. */
  notes?: readonly Note[];
  onDescribeParent?: () => void;
}

const NO_NOTES: readonly Note[] = [];

/**
 * Errors then warnings; each entry takes the user to its field. Memoised: while typing, the list (the same
 * diagnostics, the same names) is not rendered again.
 */
export const ProblemsList = memo(function ProblemsList({ problems, errors, warnings, names, onPick, headingRef, notes = NO_NOTES, onDescribeParent }: Props) {
  return (
    <section className="problems" aria-label="Problems">
      <h3 ref={headingRef} tabIndex={-1}>
        {problemsHeading(errors, warnings, notes.length)}
      </h3>
      {problems.length + notes.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={`${p.path}:${i}`}>
              <button type="button" className={`problem problem-${p.severity}`} onClick={() => onPick(p.path)}>
                <span className="problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
                <span className="problem-message">{p.message}</span>
                <span className="problem-where">{describePath(p.path, names)}</span>
              </button>
            </li>
          ))}
          {notes.map((n) => (
            <li key={`note:${n.path}`} className="problem problem-info">
              <span className="problem-severity">Info</span>
              <span className="problem-message">{n.message}</span>
              <span className="problem-where">
                {describePath(n.path, names)} ·{' '}
                <button type="button" className="problem-action" onClick={onDescribeParent}>
                  Describe the main system
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
