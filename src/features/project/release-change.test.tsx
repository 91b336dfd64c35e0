import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addTemplate } from '../../model/templates';
import { defaultSetting } from '../../model/defaults';
import { setSection } from '../../model/operations';
import { studioStore } from '../../store/studio-store';
import { button, click, field, renderApp, resetStore, selectOption, serveCatalogs, settle } from '../../test/dom';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

const desktop = () => studioStore.getState().project.specialisations[0].desktop.environment;

describe('changing the target release', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    serveCatalogs();
    resetStore();
    studioStore.getState().setProject((p) => {
      const chaniPaul = addTemplate({ ...p, nixosRelease: '25.05' }, 'chani-paul').project;
      return setSection(chaniPaul, 0, 'desktop', 'environment', 'plasma5');
    });
    studioStore.getState().select(0);
    studioStore.temporal.getState().clear();
    app = renderApp();
    await settle();
  });

  /** A 23.11 project with a setting row for sddm's old option path, then the target changed to 24.11; the notices. */
  async function renamedRowThen2411(): Promise<HTMLElement> {
    studioStore.getState().setProject((p) => ({
      ...p,
      nixosRelease: '23.11',
      specialisations: [{ ...p.specialisations[0], settings: [defaultSetting(['services', 'xserver', 'displayManager', 'sddm', 'enable'])] }],
    }));
    await settle();
    selectOption(field<HTMLSelectElement>(app.container, 'nixosRelease')!, '24.11');
    await settle();
    const notices = app.container.querySelector<HTMLElement>('[role="status"][aria-label="Notices"]')!;
    return notices;
  }

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  it('says what changes, switches chani to Plasma 6 in one click, and can undo it', () => {
    selectOption(field<HTMLSelectElement>(app.container, 'nixosRelease')!, '25.11');
    expect(studioStore.getState().project.nixosRelease).toBe('25.11');
    const notices = app.container.querySelector<HTMLElement>('[role="status"][aria-label="Notices"]')!;
    expect(notices.textContent).toContain('Target release changed from 25.05 to 25.11');
    expect(notices.textContent).toContain('services.xserver.desktopManager.gnome.enable becomes services.desktopManager.gnome.enable (paul).');
    expect(notices.textContent).toContain('chani: NixOS 25.11 does not have KDE Plasma 5.');

    click(button(notices, 'Switch chani to KDE Plasma 6'));
    expect(desktop()).toBe('plasma6');
    expect(field<HTMLSelectElement>(app.container, 'specialisations[0].desktop.environment')?.value).toBe('plasma6');

    click(button(notices, 'Undo: Switch chani to KDE Plasma 6'));
    expect(desktop()).toBe('plasma5');
    expect(studioStore.getState().project.nixosRelease).toBe('25.11');

    click(button(notices, 'Undo: back to 25.05'));
    expect(studioStore.getState().project.nixosRelease).toBe('25.05');
  });

  it('shows only the desktops the release has, keeping an unavailable current choice visible', () => {
    selectOption(field<HTMLSelectElement>(app.container, 'nixosRelease')!, '25.11');
    const select = field<HTMLSelectElement>(app.container, 'specialisations[0].desktop.environment')!;
    const labels = [...select.options].map((o) => o.textContent);
    expect(labels).toContain('KDE Plasma 6');
    expect(labels).toContain('plasma5 (not in NixOS 25.11)');
    expect(labels).not.toContain('KDE Plasma 5');
  });

  it("offers to move a setting row whose option the new release renamed, from that release's option catalog", async () => {
    const notices = await renamedRowThen2411();
    await vi.waitFor(() => expect(notices.textContent).toContain('renamed services.xserver.displayManager.sddm.enable to services.displayManager.sddm.enable'));
    const name = studioStore.getState().project.specialisations[0].name;
    click(button(notices, `Use services.displayManager.sddm.enable in ${name}`));
    expect(studioStore.getState().project.specialisations[0].settings[0].path).toEqual(['services', 'displayManager', 'sddm', 'enable']);
    click(button(notices, 'Undo: Use services.displayManager.sddm.enable in ' + name));
    expect(studioStore.getState().project.specialisations[0].settings[0].path).toEqual(['services', 'xserver', 'displayManager', 'sddm', 'enable']);
  });

  it('takes the renamed-settings notice away when the target changes again, as the release notice', async () => {
    const notices = await renamedRowThen2411();
    await vi.waitFor(() => expect(notices.textContent).toContain('Settings whose option changed from 23.11 to 24.11'));
    selectOption(field<HTMLSelectElement>(app.container, 'nixosRelease')!, '23.11');
    await settle();
    expect(notices.textContent).not.toContain('Settings whose option changed from 23.11 to 24.11');
    expect(notices.textContent).toContain('Target release changed from 24.11 to 23.11');
  });
});
