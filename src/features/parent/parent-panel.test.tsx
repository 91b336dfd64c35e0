import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultBase, defaultSpecialisation } from '../../model/defaults';
import { studioStore, undo } from '../../store/studio-store';
import { revealField } from './reveal-field';
import { button, click, field, renderApp, resetStore, selectOption, serveCatalogs, settle, typeInto } from '../../test/dom';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

const base = () => studioStore.getState().project.base;

describe('revealField', () => {
  it('opens the main system for base.* and the boot menu tab for defaultEntry', () => {
    resetStore();
    revealField('defaultEntry');
    expect(studioStore.getState().outputTab).toBe('boot-menu');
    revealField('base.grubDevice');
    expect(studioStore.getState().editingParent).toBe(true);
    studioStore.getState().select(0);
    revealField('specialisations[0].name');
    expect(studioStore.getState().editingParent).toBe(false);
  });
});

describe('main system panel', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    serveCatalogs();
    resetStore();
    studioStore.getState().setProject((p) => ({ ...p, specialisations: [defaultSpecialisation('plasma')] }));
    studioStore.getState().select(0);
    app = renderApp();
    await settle();
    click(app.container.querySelector('.parent-select'));
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  const form = () => app.container.querySelector('form[aria-label="Settings of the main system"]');
  const toggle = () => field(app.container, 'base')!;

  it('is selected from the list, and explains what it is for', () => {
    expect(form()).not.toBeNull();
    expect(app.container.querySelector('form[aria-label="Settings of plasma"]')).toBeNull();
    expect(app.container.querySelector('.parent-select')?.getAttribute('aria-current')).toBe('true');
    expect(app.container.querySelector('.spec-list .spec-select[aria-current]')).toBeNull();
    expect(form()?.textContent).toContain('so the module can turn off what your main configuration sets where a specialisation replaces it');
    // Picking a specialisation leaves the panel.
    click(button(app.container, 'plasma'));
    expect(form()).toBeNull();
  });

  it('the toggle creates base from defaultBase() and removes it again, each an undo step', () => {
    expect(toggle().checked).toBe(false);
    expect(field(app.container, 'base.bootloader')).toBeNull();

    click(toggle());
    expect(base()).toEqual(defaultBase());
    expect(toggle().checked).toBe(true);
    expect(field(app.container, 'base.bootloader')).not.toBeNull();

    act(() => undo());
    expect(base()).toBeNull();
    expect(toggle().checked).toBe(false);

    click(toggle());
    selectOption(field<HTMLSelectElement>(app.container, 'base.desktop.environment')!, 'gnome');
    click(toggle());
    expect(base()).toBeNull();
    // Turning off a description with something in it says so, with an Undo.
    const notices = app.container.querySelector('[aria-label="Notices"]')!;
    click(button(notices, 'Undo: describe the main system again'));
    expect(base()?.desktop.environment).toBe('gnome');
    expect(toggle().checked).toBe(true);
  });

  it('edits the bootloader, desktop, kernel, GPU and NetworkManager of base, with base.* paths and doc links', () => {
    click(toggle());
    const bootloader = field<HTMLSelectElement>(app.container, 'base.bootloader')!;
    expect(field(app.container, 'base.grubDevice')).toBeNull();
    selectOption(bootloader, 'grub');
    expect(base()?.bootloader).toBe('grub');
    const device = field(app.container, 'base.grubDevice')!;
    expect(device.value).toBe('nodev');
    expect(document.getElementById(`${device.id}-hint`)?.textContent).toContain('nodev for UEFI');
    typeInto(device, 'sda');
    expect(device.getAttribute('aria-invalid')).toBe('true');
    typeInto(device, '/dev/sda');
    expect(base()?.grubDevice).toBe('/dev/sda');
    expect(device.getAttribute('aria-invalid')).toBeNull();

    selectOption(field<HTMLSelectElement>(app.container, 'base.desktop.environment')!, 'gnome');
    expect(base()?.desktop.environment).toBe('gnome');
    expect(app.container.textContent).toContain('Documentation for services.desktopManager.gnome.enable');
    typeInto(field(app.container, 'base.desktop.autoLogin')!, 'alice');
    expect(base()?.desktop.autoLogin).toBe('alice');

    typeInto(field(app.container, 'base.kernel.packages')!, 'linuxPackages_6_12');
    expect(base()?.kernel.packages).toBe('linuxPackages_6_12');
    // Only the package set: the parent's kernel lists are not asked for.
    expect(field(app.container, 'base.kernel.params')).toBeNull();

    selectOption(field<HTMLSelectElement>(app.container, 'base.gpu.mode')!, 'nvidia-offload');
    expect(field(app.container, 'base.gpu.driver')).not.toBeNull();
    // Ticked from the start: NixOS recommends the open module on this release (it must be chosen from 24.11).
    expect(field<HTMLInputElement>(app.container, 'base.gpu.openKernelModule')?.checked).toBe(true);
    typeInto(field(app.container, 'base.gpu.nvidiaBusId')!, 'PCI:1:0:0');
    expect(base()?.gpu).toMatchObject({ mode: 'nvidia-offload', openKernelModule: true, nvidiaBusId: 'PCI:1:0:0' });
    expect(field(app.container, 'base.gpu.thunderbolt')).toBeNull();

    click(field(app.container, 'base.networkmanager'));
    expect(base()?.networkmanager).toBe(true);

    // The list entry sums the parent up.
    expect(app.container.querySelector('.parent-summary')?.textContent).toBe('GNOME · GRUB · linuxPackages_6_12');
  });
});
