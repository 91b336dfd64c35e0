import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES, readProjectFile } from './read-project-file';

describe('readProjectFile', () => {
  it('refuses a huge file before reading it, naming its size', async () => {
    const huge = { size: 50 * 1024 * 1024, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect(await readProjectFile(huge)).toEqual({ tooBig: expect.stringMatching(/^it is 50\.0 MB, and a project file is a few kilobytes/) });
    expect(MAX_PROJECT_BYTES).toBeLessThan(50 * 1024 * 1024);
  });

  it('names JSON errors, wrong versions and wrong types', async () => {
    expect(await readProjectFile(new Blob(['\u0000\u0001binary']))).toEqual({ jsonError: expect.stringMatching(/^not valid JSON/) });
    const newer = await readProjectFile(new Blob(['{"version": 7}']));
    expect('diagnostics' in newer && newer.diagnostics[0].message).toMatch(/format version 7/);
    const wrong = await readProjectFile(new Blob(['{"version": 1, "specialisations": {"a": 1}}']));
    expect('diagnostics' in wrong && wrong.diagnostics[0]).toEqual({ path: 'specialisations', severity: 'error', message: 'must be a list, found an object' });
  });

  it('reads numbers as written (uid 999.99999999999999 is not 1000) and files with a byte order mark', async () => {
    const users = (uid: string) => `{"version": 1, "specialisations": [{"name": "a", "users": [{"name": "u", "uid": ${uid}}]}]}`;
    const fraction = await readProjectFile(new Blob([users('999.99999999999999')]));
    expect('diagnostics' in fraction && fraction.diagnostics).toEqual([
      { path: 'specialisations[0].users[0].uid', severity: 'error', message: 'must be a whole number from 0 to 4294967294 or null, found 999.99999999999999' },
    ]);
    const huge = await readProjectFile(new Blob([users('1e400')]));
    expect('diagnostics' in huge && huge.diagnostics[0].message).toMatch(/found 1e400$/);
    const bom = await readProjectFile(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), users('1000')]));
    expect(bom).toMatchObject({ diagnostics: [] });
  });
});
