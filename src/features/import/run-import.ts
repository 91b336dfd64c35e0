import type { ImportOptions, ImportResult } from '../../nixos/import/import-nix';

/** Texts at least this long are read in a Web Worker. */
export const WORKER_THRESHOLD = 40_000;

export interface ImportRun {
  result: Promise<ImportResult>;
  /** Stops the run (a worker is terminated); its promise never settles. */
  cancel: () => void;
}

const failed = (message: string): ImportResult => ({ ok: false, error: { line: 1, column: 1, message }, recovery: null });

/**
 * Reads Nix text into a project: small texts right here (the importer is loaded on first use),
 * big ones in a Web Worker so that typing and scrolling go on while they are read.
 */
export function startImport(text: string, options: ImportOptions = {}): ImportRun {
  let cancelled = false;
  let worker: Worker | null = null;
  const inThread = () => import('../../nixos/import/import-nix').then((m) => m.importNix(text, options));
  const result = new Promise<ImportResult>((resolve) => {
    const settle = (r: ImportResult) => !cancelled && resolve(r);
    if (text.length < WORKER_THRESHOLD || typeof Worker === 'undefined') {
      inThread().then(settle, (e: unknown) => settle(failed(`the importer could not be loaded (${String(e)})`)));
      return;
    }
    import('./import-worker?worker').then(
      ({ default: ImportWorker }) => {
        if (cancelled) return;
        worker = new ImportWorker();
        worker.onmessage = (e: MessageEvent<ImportResult>) => {
          worker?.terminate();
          settle(e.data);
        };
        worker.onerror = () => {
          worker?.terminate();
          settle(failed('the importer stopped while reading this text'));
        };
        worker.postMessage({ text, options });
      },
      () => inThread().then(settle, (e: unknown) => settle(failed(`the importer could not be loaded (${String(e)})`))),
    );
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
      worker?.terminate();
    },
  };
}
