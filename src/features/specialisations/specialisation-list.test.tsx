import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { studioStore } from '../../store/studio-store';
import { button, click, field, renderApp, resetStore, serveCatalogs, settle } from '../../test/dom';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

describe('specialisations list', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    serveCatalogs();
    resetStore();
    app = renderApp();
    await settle();
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  const listNames = () => [...app.container.querySelectorAll('.spec-list .spec-name')].map((n) => n.textContent);

  it('explains specialisations when there are none and adds the blog example from a template', async () => {
    const empty = app.container.querySelector('.empty-state');
    expect(empty?.textContent).toContain('A specialisation is an extra boot entry');

    click(button(app.container, 'Chani and Paul'));
    await settle();

    expect(listNames()).toEqual(['chani', 'paul']);
    expect(app.container.querySelector('.empty-state')).toBeNull();
    expect(field(app.container, 'specialisations[0].name')?.value).toBe('chani');
    expect(field<HTMLSelectElement>(app.container, 'specialisations[0].desktop.environment')?.value).toBe('plasma6');
    // The release catalog loaded: the desktop list is the release's, with labels.
    const options = [...field<HTMLSelectElement>(app.container, 'specialisations[0].desktop.environment')!.options].map((o) => o.textContent);
    expect(options).toContain('KDE Plasma 6');
    expect(options).not.toContain('KDE Plasma 5');
  });

  it('adds a blank specialisation from the empty state and selects it', async () => {
    click(button(app.container, 'Add a blank specialisation'));
    await settle();
    expect(listNames()).toEqual(['entry-1']);
    expect(studioStore.getState().selected).toBe(0);
    expect(field(app.container, 'specialisations[0].name')?.value).toBe('entry-1');
  });

  it('deletes with an Undo button in a notice, and reorders with the move buttons', async () => {
    click(button(app.container, 'Chani and Paul'));
    click(button(app.container, 'Move paul up'));
    expect(listNames()).toEqual(['paul', 'chani']);
    // Focus follows the moved item; at the top its Move up is disabled, so Move down takes it.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move paul down');

    click(button(app.container, 'Delete paul'));
    expect(listNames()).toEqual(['chani']);
    const notices = app.container.querySelector('[role="status"]')!;
    expect(notices.textContent).toContain('Deleted paul.');

    click(button(notices, 'Undo deleting paul'));
    expect(listNames()).toEqual(['paul', 'chani']);
    expect(notices.textContent).not.toContain('Deleted paul.');
  });
});
