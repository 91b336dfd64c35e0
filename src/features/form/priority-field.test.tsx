import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSpecialisation } from '../../model/defaults';
import { generate } from '../../nixos/generate';
import { studioStore, undo } from '../../store/studio-store';
import { field, renderApp, resetStore, serveCatalogs, settle } from '../../test/dom';

vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

const spec = () => studioStore.getState().project.specialisations[0];

describe('priorities of form fields', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    serveCatalogs();
    resetStore();
    studioStore.getState().setProject((p) => ({
      ...p,
      specialisations: [{ ...defaultSpecialisation('zen'), kernel: { packages: 'linuxPackages_zen', params: [], modules: [], blacklistedModules: [] } }],
    }));
    studioStore.getState().select(0);
    app = renderApp();
    await settle();
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  it('shows a priority for a field that holds a value, folded away until one is chosen, and writes it', () => {
    const select = field(app.container, 'specialisations[0].priorities.kernel.packages') as HTMLSelectElement;
    expect(select).not.toBeNull();
    expect(select.closest('details')?.open).toBe(false);
    expect(document.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Priority of the kernel package set');
    // No desktop, no GPU: nothing to give a priority to there.
    expect(field(app.container, 'specialisations[0].priorities.desktop.environment')).toBeNull();
    expect(field(app.container, 'specialisations[0].priorities.gpu.videoDrivers')).toBeNull();

    act(() => {
      select.value = 'force';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(spec().priorities['kernel.packages']).toBe('force');
    expect(generate(studioStore.getState().project).text).toContain('boot.kernelPackages = lib.mkForce pkgs.linuxPackages_zen;');
    expect(select.closest('details')?.open).toBe(true);
    act(() => undo());
    expect(spec().priorities['kernel.packages']).toBe('normal');
  });
});
