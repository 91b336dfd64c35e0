import type { ReactNode } from 'react';

/** A titled part of the form; a region landmark named by its heading. */
export function Section({ id, title, children, description }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      {description && <p className="section-description">{description}</p>}
      {children}
    </section>
  );
}
