import { TEMPLATES, type Template } from '../../model/templates';

/** One button per template, with its one-line summary. */
export function TemplateButtons({ onPick }: { onPick: (id: Template['id']) => void }) {
  return (
    <ul className="template-list">
      {TEMPLATES.map((t) => (
        <li key={t.id}>
          <button type="button" className="template" onClick={() => onPick(t.id)} aria-describedby={`template-${t.id}`} data-shows-form>
            <span className="template-title">{t.title}</span>
          </button>
          <p className="template-summary" id={`template-${t.id}`}>
            {t.summary}
          </p>
        </li>
      ))}
    </ul>
  );
}
