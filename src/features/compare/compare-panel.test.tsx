import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultDesktop, defaultSpecialisation } from '../../model/defaults';
import { compareEntries } from '../../nixos/compare/compare';
import type * as CompareModule from '../../nixos/compare/compare';
import { studioStore } from '../../store/studio-store';
import { click, renderApp, resetStore, selectOption, serveCatalogs, settle } from '../../test/dom';

vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));
// The real comparison, counted.
vi.mock('../../nixos/compare/compare', async (original) => {
  const m = await original<typeof CompareModule>();
  return { ...m, compareEntries: vi.fn(m.compareEntries) };
});

const counted = vi.mocked(compareEntries);

describe('the Compare tab', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    serveCatalogs();
    resetStore();
    studioStore.getState().setProject((p) => ({
      ...p,
      specialisations: Array.from({ length: 100 }, (_, i) => ({
        ...defaultSpecialisation(`s${i}`),
        desktop: { ...defaultDesktop(), environment: i % 2 ? 'gnome' : 'plasma6' },
      })),
    }));
    studioStore.getState().select(1);
    app = renderApp();
    await settle();
    counted.mockClear();
  });

  afterEach(() => app.unmount());

  const open = async () => {
    click(app.container.querySelector('#output-tab-compare'));
    await settle(() => app.container.querySelector('table.compare-table') !== null);
  };
  const headers = () => [...app.container.querySelectorAll('.compare-table thead th')].map((th) => th.firstChild?.textContent);
  const edit = (i: number) =>
    act(() =>
      studioStore.getState().setProject((p) => ({
        ...p,
        specialisations: p.specialisations.map((s, j) => (j === i ? { ...s, tags: [...s.tags, 'x'] } : s)),
      })),
    );

  it('computes nothing until it is shown, then the parent against the selected entry', async () => {
    await edit(3);
    expect(counted).not.toHaveBeenCalled();
    await open();
    expect(headers()).toEqual(['Setting', 'parent', 's1']);
    expect(counted).toHaveBeenCalledTimes(1);
    expect(counted.mock.calls[0][1]).toEqual([-1, 1]);
    const table = app.container.querySelector('table.compare-table')!;
    expect(table.querySelector('caption')?.textContent).toMatch(/^parent and s1: \d+ things that differ$/);
    expect([...table.querySelectorAll('th[scope="row"]')].map((th) => th.firstChild?.textContent)).toContain('Desktop');
  });

  it('an edit of an entry not compared computes nothing; of a compared one, computes again', async () => {
    await open();
    counted.mockClear();
    await edit(50);
    await settle(() => true);
    expect(counted).not.toHaveBeenCalled();
    await edit(1);
    await settle(() => true);
    expect(counted).toHaveBeenCalled();
  });

  it('two labelled selects pick the entries', async () => {
    await open();
    const select = (name: string) => {
      const label = [...app.container.querySelectorAll<HTMLLabelElement>('.compare-pick label')].find((l) => l.textContent === name)!;
      return document.getElementById(label.htmlFor) as HTMLSelectElement;
    };
    selectOption(select('Compare'), '0');
    selectOption(select('with'), '1');
    await settle(() => headers().includes('s0'));
    expect(headers()).toEqual(['Setting', 's0', 's1']);
    const desktop = [...app.container.querySelectorAll('tbody tr:not(.compare-group)')].find((tr) => tr.querySelector('th')?.firstChild?.textContent === 'Desktop')!;
    expect([...desktop.querySelectorAll('td')].map((td) => td.querySelector('.compare-value')?.textContent)).toEqual(['KDE Plasma 6', 'GNOME']);
  });
});
