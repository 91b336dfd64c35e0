import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNix, NIX_TIMEOUT, nixParseErrors, NO_NIX } from '../../test/nix';
import { importNix } from '../import/import-nix';
import { changedOutsideEdits, imported } from './cases';
import { patchConfiguration } from './patch';

/** A piece of a generated configuration.nix: text the patch keeps, or a specialisation definition it removes. */
interface Piece {
  lines: readonly string[];
  kind: 'kept' | 'specialisation' | 'imports';
}

const NAMES = ['chani', 'paul', 'egpu', 'kernel-test', 'work', 'rescue'];

const KEPT = [
    ['networking.hostName = "host";'],
    ['services.openssh.enable = true; # remote access'],
    ['time.timeZone = "Europe/Paris";'],
    ['users.users.alice = {', '@isNormalUser = true;', '@extraGroups = [ "wheel" ];', '};'],
    ['environment.systemPackages = with pkgs; [', '@git', '@vim', '];'],
    ['boot.kernelParams = [ "quiet" ]; /* a block comment */'],
];
const keptPieces = fc.uniqueArray(fc.integer({ min: 0, max: KEPT.length - 1 }), { maxLength: KEPT.length }).map((is) => is.map((i): Piece => ({ lines: KEPT[i], kind: 'kept' })));

const importsPiece = fc.constantFrom(
  ['imports = [ ./hardware-configuration.nix ];'],
  ['imports =', '@[ # Include the results of the hardware scan.', '@@./hardware-configuration.nix', '@];'],
  ['imports = [', '@./hardware-configuration.nix # disks', '@# ./old.nix', '];'],
  ['imports = [ ];'],
  ['imports = [ ./a.nix ] ++ lib.optional true ./b.nix;'],
).map((lines): Piece => ({ lines, kind: 'imports' }));

/** One specialisation, in one of the spellings the importer reads. */
const specialisationPiece = (name: string) =>
  fc.constantFrom(
    [`specialisation.${name}.configuration = {`, '@system.nixos.tags = [ "t" ];', '};'],
    [`# The ${name} entry.`, `specialisation.${name}.configuration.services.printing.enable = true;`],
    [`specialisation.${name}.configuration.boot.kernelParams = [ "x" ]; # trailing`],
    [`specialisation.${name} = {`, '@inheritParentConfig = false;', '@configuration = { };', '};'],
  );

const fileArb = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n'),
    unit: fc.constantFrom('  ', '\t'),
    finalNewline: fc.boolean(),
    header: fc.constantFrom('{ config, lib, pkgs, ... }:', '{ lib, pkgs, ... }:\n\nlet\n  x = 1;\nin', '{ config, lib, pkgs, ... }:\n# comment before the set'),
    kept: keptPieces,
    imports: fc.option(importsPiece, { nil: undefined }),
    names: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }),
    asSet: fc.boolean(),
    blankAfter: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .chain((r) =>
    fc.tuple(fc.constant(r), fc.tuple(...r.names.map(specialisationPiece)), fc.shuffledSubarray([...Array(20).keys()], { minLength: 20, maxLength: 20 })),
  )
  .map(([r, specs, order]) => {
    const pieces: Piece[] = [...r.kept];
    if (r.asSet)
      pieces.push({
        kind: 'specialisation',
        lines: ['specialisation = {', ...specs.flatMap((lines) => lines.map((l) => (l.startsWith('specialisation.') ? `@${l.slice('specialisation.'.length)}` : `@${l}`))), '};'],
      });
    else pieces.push(...specs.map((lines): Piece => ({ lines: [...lines], kind: 'specialisation' })));
    // Shuffled, the imports (when there are some) anywhere.
    const shuffled = order.filter((i) => i < pieces.length).map((i) => pieces[i]);
    if (r.imports) shuffled.splice(r.seed % (shuffled.length + 1), 0, r.imports);
    const body: string[] = [];
    shuffled.forEach((p, i) => {
      for (const line of p.lines) body.push(r.unit + line.replace(/^@+/, (m) => r.unit.repeat(m.length)));
      if (r.blankAfter[i % 12]) body.push('');
    });
    const text = [r.header.replace(/\n/g, r.eol), '{', ...body, '}'].join(r.eol) + (r.finalNewline ? r.eol : '');
    const indented = (p: Piece) => p.lines.map((l) => r.unit + l.replace(/^@+/, (m) => r.unit.repeat(m.length)));
    const removable = new Set(shuffled.filter((p) => p.kind === 'specialisation').flatMap((p) => p.lines.map((l) => l.replace(/^@+/, ''))));
    return { text, removable, kept: shuffled.filter((p) => p.kind === 'kept').map((p) => indented(p).join(r.eol)), eol: r.eol, finalNewline: r.finalNewline, unit: r.unit };
  });

describe('patching generated configuration files', () => {
  const patchedTexts: string[] = [];
  it('changes nothing outside the edited spans: every kept definition stays byte for byte, in order', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const project = imported(file.text);
        const r = patchConfiguration(file.text, project);
        if (!r.ok) throw new Error(`${r.problem.line}:${r.problem.column}: ${r.problem.message}\n${file.text}`);
        expect(changedOutsideEdits(file.text, r)).toBeNull();
        let at = 0;
        for (const kept of file.kept) {
          const found = r.text.indexOf(kept, at);
          expect(found, `${JSON.stringify(kept)} in\n${r.text}`).toBeGreaterThanOrEqual(0);
          at = found + kept.length;
        }
        // The edits are the module added and the specialisations gone: nothing else was removed.
        // (An empty `imports = [ ];` list is rewritten whole: `[ ./specialisations.nix ]`.)
        const removed = r.edits.filter((e) => e.text === '').map((e) => file.text.slice(e.start, e.end)).join('\n');
        for (const line of removed.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''))
          expect(file.removable.has(line), `removed: ${JSON.stringify(line)}`).toBe(true);
        expect(r.text.match(/\.\/specialisations\.nix/g)).toHaveLength(1);
        expect(r.text.endsWith(file.eol)).toBe(file.finalNewline);
        if (file.eol === '\r\n') expect(r.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        const again = importNix(r.text);
        expect(again.ok && again.project.specialisations).toEqual([]);
        if (patchedTexts.length < 150) patchedTexts.push(r.text);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it.skipIf(!hasNix)('real Nix parses the patched files', () => {
    expect(patchedTexts.length).toBeGreaterThan(100);
    expect(nixParseErrors(patchedTexts)).toEqual(patchedTexts.map(() => null));
  }, NIX_TIMEOUT);
  if (!hasNix) it.skip(NO_NIX, () => {});
});
