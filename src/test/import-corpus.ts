import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importNix, type ImportSuccess } from '../nixos/import/import-nix';
import { typedShare } from '../nixos/import/report';

/**
 * Real-world-style configurations with specialisations (eGPU, PRIME offload↔sync with lib.mkForce,
 * kernel swaps, VFIO, desktop switching, entries that only import, inheritParentConfig = false,
 * function-form configurations, quoted names, helpers and computed values): issue 10's measure of
 * how much of what people write lands in typed fields.
 */
export const CORPUS_DIR = fileURLToPath(new URL('../nixos/__fixtures__/import/corpus', import.meta.url));

/** At least this share of all settings must land in form fields or typed rows. */
export const TYPED_SHARE_REQUIRED = 0.9;

export interface CorpusFile {
  file: string;
  text: string;
  result: ImportSuccess;
}

export function importCorpus(): CorpusFile[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.nix'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
      const result = importNix(text);
      if (!result.ok) throw new Error(`${file}: ${result.error.line}:${result.error.column}: ${result.error.message}`);
      return { file, text, result };
    });
}

/** Settings of the whole corpus in form fields or typed rows, of all its settings. */
export function corpusShare(files: readonly CorpusFile[]): { typed: number; total: number; share: number } {
  let typed = 0;
  let total = 0;
  for (const f of files) {
    const s = typedShare(f.result.report);
    typed += s.typed;
    total += s.total;
  }
  return { typed, total, share: total === 0 ? 1 : typed / total };
}
