import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultBase, defaultSpecialisation } from '../../model/defaults';
import { studioStore } from '../../store/studio-store';
import { click, field, renderApp, resetStore, serveCatalogs, settle } from '../../test/dom';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

const spec = () => studioStore.getState().project.specialisations[0];
const labelOf = (el: HTMLElement) => document.querySelector(`label[for="${el.id}"]`)?.textContent;
const hintOf = (el: HTMLElement) => document.getElementById(`${el.id}-hint`)?.textContent ?? '';

describe('general section: parent-related fields', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    serveCatalogs();
    resetStore();
    studioStore.getState().setProject((p) => ({ ...p, specialisations: [defaultSpecialisation('rescue')] }));
    studioStore.getState().select(0);
    app = renderApp();
    await settle();
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  const P = 'specialisations[0]';

  it('asks what a separate system needs from the parent only when it does not inherit', () => {
    expect(field(app.container, `${P}.fromParent.hardwareConfiguration`)).toBeNull();
    expect(field(app.container, `${P}.fromParent.bootloader`)).toBeNull();

    click(field(app.container, `${P}.inheritParentConfig`));
    expect(spec().inheritParentConfig).toBe(false);

    const hardware = field(app.container, `${P}.fromParent.hardwareConfiguration`)!;
    const bootloader = field(app.container, `${P}.fromParent.bootloader`)!;
    expect(labelOf(hardware)).toBe('Import ./hardware-configuration.nix (file systems, kernel modules)');
    expect(labelOf(bootloader)).toBe('Set up the bootloader (systemd-boot)');
    expect(hardware.checked && bootloader.checked).toBe(true);
    expect(hardware.closest('fieldset')?.querySelector('legend')?.textContent).toBe('What this system needs from the main configuration');

    click(hardware);
    expect(spec().fromParent).toEqual({ hardwareConfiguration: false, bootloader: true });
    expect(hintOf(hardware)).toContain('no root file system');
    click(bootloader);
    expect(spec().fromParent).toEqual({ hardwareConfiguration: false, bootloader: false });
    expect(hintOf(bootloader)).toContain('refuses to build');

    // The bootloader named is the parent's.
    act(() => studioStore.getState().setProject((p) => ({ ...p, base: { ...defaultBase(), bootloader: 'grub', grubDevice: '/dev/sda' } })));
    expect(labelOf(field(app.container, `${P}.fromParent.bootloader`)!)).toBe('Set up the bootloader (grub)');

    click(field(app.container, `${P}.inheritParentConfig`));
    expect(field(app.container, `${P}.fromParent.hardwareConfiguration`)).toBeNull();
  });

  it('has a Remember across rebuilds checkbox with its explanation', () => {
    const remember = field(app.container, `${P}.rememberAcrossRebuilds`)!;
    expect(labelOf(remember)).toBe('Remember across rebuilds');
    expect(hintOf(remember)).toContain('/etc/specialisation');
    click(remember);
    expect(spec().rememberAcrossRebuilds).toBe(true);
  });
});
