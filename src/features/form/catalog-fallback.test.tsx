import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addTemplate } from '../../model/templates';
import { studioStore } from '../../store/studio-store';
import { field, renderApp, resetStore, selectOption, settle } from '../../test/dom';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

describe('when the catalogs cannot be loaded', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    vi.stubGlobal('fetch', async () => new Response('offline', { status: 503 }));
    resetStore();
    studioStore.getState().setProject((p) => addTemplate(p, 'chani-paul').project);
    studioStore.getState().select(0);
    app = renderApp();
    await settle();
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  it('the form still works: every desktop is offered, with a note, and edits go through', () => {
    const select = field<HTMLSelectElement>(app.container, 'specialisations[0].desktop.environment')!;
    const values = [...select.options].map((o) => o.value);
    expect(values).toEqual(expect.arrayContaining(['plasma5', 'plasma6', 'gnome', 'cosmic']));
    expect(app.container.textContent).toContain('The release catalog could not be loaded');
    expect(app.container.textContent).toContain('The list of NixOS groups could not be loaded');

    selectOption(select, 'gnome');
    expect(studioStore.getState().project.specialisations[0].desktop.environment).toBe('gnome');
  });
});
