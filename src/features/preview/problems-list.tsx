import type { Ref } from 'react';
import type { Diagnostic } from '../../model/types';
import { describePath, problemsHeading } from './problems';

interface Props {
  problems: readonly Diagnostic[];
  errors: number;
  warnings: number;
  names: readonly string[];
  onPick: (path: string) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** Errors then warnings; each entry takes the user to its field. */
export function ProblemsList({ problems, errors, warnings, names, onPick, headingRef }: Props) {
  return (
    <section className="problems" aria-label="Problems">
      <h3 ref={headingRef} tabIndex={-1}>
        {problemsHeading(errors, warnings)}
      </h3>
      {problems.length > 0 && (
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
        </ul>
      )}
    </section>
  );
}
