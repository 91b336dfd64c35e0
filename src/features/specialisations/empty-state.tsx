import type { Template } from '../../model/templates';
import { TemplateButtons } from './templates-menu';

/** What a specialisation is, and ways to start. */
export function EmptyState({ onBlank, onTemplate }: { onBlank: () => void; onTemplate: (id: Template['id']) => void }) {
  return (
    <div className="empty-state">
      <p>
        A specialisation is an extra boot entry built from your NixOS configuration with a few changes: another desktop,
        other users, a newer kernel or GPU drivers. You pick it in the boot menu, and your usual entry stays as it is.
      </p>
      <button type="button" className="button button-primary" onClick={onBlank} data-shows-form>
        Add a blank specialisation
      </button>
      <h3 className="empty-state-heading">Or start from an example</h3>
      <TemplateButtons onPick={onTemplate} />
    </div>
  );
}
