import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFieldElement, focusFieldByPath, focusTarget } from './focus-field';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findFieldElement', () => {
  it('finds the field itself or its nearest ancestor on the page', () => {
    document.body.innerHTML = `
      <fieldset data-field-path="specialisations[0].users[1]"><input data-field-path="specialisations[0].users[1].uid"></fieldset>`;
    expect(findFieldElement(document, 'specialisations[0].users[1].uid')?.tagName).toBe('INPUT');
    expect(findFieldElement(document, 'specialisations[0].users[1].shell')?.tagName).toBe('FIELDSET');
    expect(findFieldElement(document, 'specialisations[1].name')).toBeNull();
  });
});

describe('focusTarget', () => {
  it('takes the element when focusable, else its first tabbable descendant', () => {
    document.body.innerHTML = `
      <div id="a" tabindex="-1"></div>
      <div id="b"><span tabindex="-1"></span><button disabled>x</button><select id="c"></select></div>`;
    expect(focusTarget(document.getElementById('a')!)?.id).toBe('a');
    expect(focusTarget(document.getElementById('b')!)?.id).toBe('c');
  });
});

describe('focusFieldByPath', () => {
  it('selects the specialisation, waits for the field to render and focuses it', async () => {
    const select = vi.fn((index: number) => {
      setTimeout(() => {
        document.body.innerHTML = `<details><summary>Users</summary>
          <div data-field-path="specialisations[${index}].users[0]"><input id="uid"></div></details>`;
      }, 0);
    });
    const focused = await focusFieldByPath('specialisations[2].users[0].uid', select);
    expect(select).toHaveBeenCalledWith(2);
    expect(focused?.id).toBe('uid');
    expect(document.activeElement?.id).toBe('uid');
    expect(document.querySelector('details')?.open).toBe(true);
  });

  it('gives up when the field never appears', async () => {
    expect(await focusFieldByPath('specialisations[0].name', () => {}, document, 2)).toBeNull();
  });
});
