import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readProject } from '../../model/read';
import { derive } from '../../store/derived';
import { studioStore } from '../../store/studio-store';
import { PreviewPane } from './preview-pane';

// Monaco never arrives here: the pane must work with its plain-text stand-in.
vi.mock('../monaco/load-monaco', () => ({
  loadMonaco: () => new Promise(() => {}),
  loadedMonaco: () => null,
}));

const example = readProject(JSON.parse(readFileSync('examples/seed-chani-paul.json', 'utf8'))).project;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

function render(project = example) {
  act(() => studioStore.getState().setProject(project));
  act(() => root.render(<PreviewPane />));
}

describe('PreviewPane', () => {
  it('shows the generated module as text until Monaco is there', () => {
    render();
    const pre = container.querySelector('[aria-label="Generated Nix"]');
    expect(pre?.textContent).toBe(derive(example).text);
  });

  it('counts problems, errors first', () => {
    const broken = structuredClone(example);
    broken.specialisations[1].users[0].uid = 5;
    render(broken);
    const region = container.querySelector('[aria-label="Problems"]');
    // The example does not describe the main system: each desktop that may clash with it is a note, after them.
    expect(region?.querySelector('h3')?.textContent).toBe('Problems: 1 error, 2 warnings · 2 notes');
    expect([...region!.querySelectorAll('.problem-severity')].map((s) => s.textContent)).toEqual(['Error', 'Warning', 'Warning', 'Info', 'Info']);
    expect(region?.querySelector('.problem-where')?.textContent).toBe('paul › user 1 › uid');
  });

  it('copies straight away when there are no errors and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    render();
    await act(async () => button('Copy').click());
    expect(writeText).toHaveBeenCalledWith(derive(example).text);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Copied');
    vi.unstubAllGlobals();
  });

  it('clears "Copied" at the next edit, which it is not true of', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: vi.fn(() => Promise.resolve()) } });
    render();
    await act(async () => button('Copy').click());
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Copied');
    const edited = structuredClone(example);
    edited.specialisations[0].tags = ['chani', 'edited'];
    act(() => studioStore.getState().setProject(edited));
    expect(container.querySelector('[role="status"]')?.textContent).toBe('');
    vi.unstubAllGlobals();
  });

  it('tells the user when the clipboard is refused', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    render();
    await act(async () => button('Copy').click());
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/did not allow copying/);
    vi.unstubAllGlobals();
  });

  it('asks before copying or downloading a module with errors', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const broken = structuredClone(example);
    broken.specialisations[0].users[0].uid = 5;
    render(broken);
    const dialog = container.querySelector('dialog')!;

    await act(async () => button('Copy').click());
    expect(writeText).not.toHaveBeenCalled();
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('The module has 1 error');
    expect(document.activeElement?.textContent).toBe('Show problems');

    await act(async () => button('Cancel').click());
    expect(dialog.open).toBe(false);
    expect(document.activeElement?.textContent).toBe('Copy');

    await act(async () => button('Copy').click());
    await act(async () => button('Copy anyway').click());
    expect(writeText).toHaveBeenCalledTimes(1);

    const createObjectURL = vi.fn(() => 'blob:x');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await act(async () => button('Download').click());
    expect(button('Download anyway')).toBeDefined();
    expect(click).not.toHaveBeenCalled();
    await act(async () => button('Download anyway').click());
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('specialisations.nix');

    await act(async () => button('Copy').click());
    await act(async () => button('Show problems').click());
    expect(document.activeElement?.textContent).toBe('Problems: 1 error, 2 warnings · 2 notes');
    vi.unstubAllGlobals();
  });

  it('fills the first specialisation into the switch command', () => {
    render();
    expect(container.querySelector('.how-to-command')?.textContent).toContain('/specialisation/chani/bin/switch-to-configuration');
  });
});
