import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { studioStore, undo } from '../../store/studio-store';
import { button, click, resetStore, settle, typeInto } from '../../test/dom';
import { ImportEntry } from './import-entry';

const seed = readFileSync(join(__dirname, '../../nixos/__fixtures__/import/seed-blog-closed.nix'), 'utf8');
const blog = readFileSync(join(__dirname, '../../nixos/__fixtures__/import/seed-blog-as-published.nix'), 'utf8');

function render() {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const onProjectFile = vi.fn();
  act(() => root.render(<ImportEntry onProjectFile={onProjectFile} />));
  return {
    container,
    onProjectFile,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

let view: ReturnType<typeof render>;
beforeEach(() => {
  resetStore();
  view = render();
});
afterEach(() => view.unmount());

const dialog = () => document.querySelector('dialog.import-dialog');
const textArea = () => dialog()!.querySelector('textarea')!;
async function openDialog() {
  click(button(view.container, 'Import Nix…'));
  await settle(() => dialog() !== null);
}

describe('the import dialog', () => {
  it('shows the report before anything changes, then imports as one undoable step', async () => {
    await openDialog();
    expect(dialog()?.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.activeElement).toBe(textArea());
    typeInto(textArea(), seed);
    await settle(() => !!button(dialog()!, 'Import 2 specialisations') && !button(dialog()!, 'Import 2 specialisations')!.disabled);
    expect(dialog()!.textContent).toContain('Read into the form');
    expect(dialog()!.textContent).toContain('tags chani; user chani (uid 1001); desktop KDE Plasma 5, autologin chani');
    expect(studioStore.getState().project.specialisations).toEqual([]);

    click(button(dialog()!, 'Import 2 specialisations'));
    expect(dialog()).toBeNull();
    const { project, notices } = studioStore.getState();
    expect(project.specialisations.map((s) => s.name)).toEqual(['chani', 'paul']);
    expect(project.nixosRelease).toBe('23.11');
    expect(notices.at(-1)?.actions?.map((a) => a.label)).toEqual(['Undo import']);
    act(() => undo());
    expect(studioStore.getState().project.specialisations).toEqual([]);
  });

  it('says where text that is not Nix breaks and offers what could be recovered', async () => {
    await openDialog();
    typeInto(textArea(), blog);
    await settle(() => !!dialog()!.querySelector('[role="alert"]'));
    expect(dialog()!.querySelector('[role="alert"]')!.textContent).toContain("24:1: unexpected end of input: a '[' opened at 23:45 is not closed");
    expect(button(dialog()!, 'Import 0 specialisations')?.disabled).toBe(true);
    click(button(dialog()!, 'Import what could be recovered'));
    expect(button(dialog()!, 'Import 2 specialisations')?.disabled).toBe(false);
    expect(dialog()!.textContent).toContain('Recovered: the text was not complete');
  });

  it('leaves the project alone on Cancel', async () => {
    await openDialog();
    typeInto(textArea(), seed);
    await settle(() => !!button(dialog()!, 'Import 2 specialisations') && !button(dialog()!, 'Import 2 specialisations')!.disabled);
    click(button(dialog()!, 'Cancel'));
    expect(dialog()).toBeNull();
    expect(studioStore.getState().project.specialisations).toEqual([]);
  });
});
