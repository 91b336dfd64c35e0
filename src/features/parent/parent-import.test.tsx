import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultBase } from '../../model/defaults';
import { studioStore, undo } from '../../store/studio-store';
import { button, click, resetStore, settle, typeInto } from '../../test/dom';
import { ParentImport } from './parent-import';

const CONFIGURATION = `{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  boot.loader.systemd-boot.enable = true;
  networking.networkmanager.enable = true;
  services.displayManager.gdm.enable = true;
  services.desktopManager.gnome.enable = true;
}
`;

function render() {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<ParentImport />));
  return {
    container,
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
const fill = () => button(dialog()!, 'Fill the main system')!;
async function openDialog() {
  click(button(view.container, 'Fill from configuration.nix…'));
  await settle(() => dialog() !== null);
}

describe('Fill from configuration.nix', () => {
  it('shows what was read before anything changes, then sets base as one undoable step', async () => {
    const before = structuredClone(defaultBase());
    act(() => studioStore.getState().setProject((p) => ({ ...p, base: before })));
    await openDialog();
    expect(fill().disabled).toBe(true);
    typeInto(textArea(), CONFIGURATION);
    await settle(() => !fill().disabled);
    expect(dialog()!.querySelector('[aria-label="Settings read"]')?.textContent).toContain('desktop: GNOME (services.desktopManager.gnome.enable)');
    expect(dialog()!.querySelector('[aria-label="Notes"]')?.textContent).toContain('imports are not followed');
    expect(studioStore.getState().project.base).toEqual(before);

    click(fill());
    expect(dialog()).toBeNull();
    const { project, notices } = studioStore.getState();
    expect(project.base).toMatchObject({ bootloader: 'systemd-boot', networkmanager: true, desktop: { environment: 'gnome' } });
    expect(notices.at(-1)?.actions?.map((a) => a.label)).toEqual(['Undo fill']);
    act(() => notices.at(-1)!.actions![0].run());
    expect(studioStore.getState().project.base).toEqual(before);
    act(() => undo());
    expect(studioStore.getState().project.base).toBeNull();
  });

  it('names line:column of text it cannot read, and changes nothing', async () => {
    await openDialog();
    typeInto(textArea(), '{ config, ... }:\n{\n  boot.loader = {\n');
    await settle(() => !!dialog()!.querySelector('[role="alert"]'));
    expect(dialog()!.querySelector('[role="alert"]')!.textContent).toMatch(/\d+:\d+: /);
    expect(fill().disabled).toBe(true);
    click(button(dialog()!, 'Cancel'));
    expect(dialog()).toBeNull();
    expect(studioStore.getState().project.base).toBeNull();
  });
});
