import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultBase, defaultSpecialisation } from '../../model/defaults';
import { studioStore } from '../../store/studio-store';
import { button, click, field, renderApp, resetStore, selectOption, serveCatalogs, settle } from '../../test/dom';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

const project = () => studioStore.getState().project;

describe('boot menu preview and default entry', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    serveCatalogs();
    resetStore();
    studioStore.getState().setProject((p) => ({
      ...p,
      base: { ...defaultBase(), bootloader: 'grub', desktop: { ...defaultBase().desktop, environment: 'gnome' } },
      specialisations: [
        { ...defaultSpecialisation('plasma'), tags: ['kde'] },
        { ...defaultSpecialisation('kernel-test'), tags: ['testing'] },
      ],
    }));
    studioStore.getState().select(0);
    app = renderApp();
    await settle();
    click(app.container.querySelector('[role="tab"]#output-tab-boot-menu'));
    // The boot menu is a lazy part of the output: it loads with its tab.
    await vi.waitFor(() => expect(app.container.querySelector('ol[aria-label="Boot menu preview"]')).not.toBeNull());
    await settle();
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  const menu = () => app.container.querySelector<HTMLOListElement>('ol[aria-label="Boot menu preview"]')!;
  const entries = () => [...menu().querySelectorAll('li')].map((li) => li.textContent);
  const note = () => {
    const select = field<HTMLSelectElement>(app.container, 'defaultEntry')!;
    return (select.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  };

  it('lists GRUB\'s entries in its order, the parent first and marked as the default', () => {
    expect(entries()[0]).toMatch(/^NixOS, Generation 42.*starts by default$/);
    expect(entries()[1]).toMatch(/^NixOS - \(kernel-test - 2026-11-25 - testing-26\.05\./);
    expect(entries()[2]).toMatch(/^NixOS - \(plasma - 2026-11-25 - kde-26\.05\./);
    expect(entries()[3]).toMatch(/^NixOS - All configurations/);
    expect(menu().querySelectorAll('.is-default')).toHaveLength(1);
  });

  it('the default entry select writes defaultEntry, moves the highlight and explains GRUB\'s setting; undo puts it back', () => {
    const select = field<HTMLSelectElement>(app.container, 'defaultEntry')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Main system (NixOS)', 'plasma', 'kernel-test']);
    expect(note()).toContain('GRUB starts the first entry');

    selectOption(select, 'plasma');
    expect(project().defaultEntry).toBe('plasma');
    expect(menu().querySelector('.is-default')?.textContent).toMatch(/^NixOS - \(plasma /);
    expect(note()).toContain('boot.loader.grub.default = 2;');
    // The field links GRUB's option.
    expect(app.container.querySelector('.default-entry .doc-link')?.textContent).toContain('boot.loader.grub.default');

    selectOption(select, '');
    expect(project().defaultEntry).toBeNull();
  });

  it('with systemd-boot, says there is no option instead of pretending', () => {
    act(() => studioStore.getState().setProject((p) => ({ ...p, base: { ...p.base!, bootloader: 'systemd-boot' } })));
    selectOption(field<HTMLSelectElement>(app.container, 'defaultEntry')!, 'kernel-test');
    expect(project().defaultEntry).toBe('kernel-test');
    expect(note()).toContain('systemd-boot has no NixOS option for a default specialisation');
    // The parent stays highlighted: that is what NixOS makes the default.
    expect(menu().querySelector('.is-default')?.textContent).toMatch(/^NixOS \(Generation 42/);
    expect(app.container.querySelector('.default-entry .doc-link')).toBeNull();
  });

  it('follows renames and retags live, and the default entry follows its specialisation', () => {
    selectOption(field<HTMLSelectElement>(app.container, 'defaultEntry')!, 'kernel-test');
    act(() =>
      studioStore.getState().setProject((p) => ({
        ...p,
        specialisations: p.specialisations.map((s) => (s.name === 'kernel-test' ? { ...s, name: 'kernel-new', tags: ['testing', 'latest'] } : s)),
      })),
    );
    expect(project().defaultEntry).toBe('kernel-new');
    expect(entries()[1]).toMatch(/^NixOS - \(kernel-new - 2026-11-25 - latest-testing-26\.05\./);
    expect(menu().querySelector('.is-default')?.textContent).toMatch(/kernel-new/);
  });

  it('without a described main system, shows systemd-boot and offers to describe it', () => {
    act(() => studioStore.getState().setProject((p) => ({ ...p, base: null })));
    expect(entries()).toHaveLength(6);
    // Cut at 76 characters on an 80-column screen: the rest is there, struck through.
    const older = entries().find((t) => t?.startsWith('NixOS (Generation 41 '));
    expect(older).toMatch(/^NixOS \(Generation 41 NixOS Yarara 26\.05\.20261125\.a1b2c3d \(Linux 6\.18\.30\), built on 2026-11-25\)/);
    expect(older).toContain('cut off after 76 characters on an 80-column screen');
    expect(menu().querySelector('.is-default')?.textContent).toMatch(/^NixOS \(Generation 42 NixOS Yarara 26\.05\./);
    click(button(app.container, 'Describe the main system'));
    expect(studioStore.getState().editingParent).toBe(true);
  });
});
