import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';

describe('App', () => {
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
  });

  function regionNamed(name: string): HTMLElement | undefined {
    return [...container.querySelectorAll<HTMLElement>('section[aria-labelledby]')].find(
      (section) => document.getElementById(section.getAttribute('aria-labelledby') ?? '')?.textContent === name,
    );
  }

  it('renders the banner and main landmarks', () => {
    act(() => root.render(<App />));

    expect(container.querySelector('header h1')?.textContent).toBe('Specialisation Studio');
    expect(container.querySelectorAll('main')).toHaveLength(1);
  });

  it('renders the Specialisations and Generated Nix regions', () => {
    act(() => root.render(<App />));

    expect(regionNamed('Specialisations')).toBeDefined();
    expect(regionNamed('Generated Nix')?.querySelector('pre code')?.textContent).toContain('specialisation');
  });
});
