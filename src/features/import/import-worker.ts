import { importNix, type ImportOptions } from '../../nixos/import/import-nix';

/** Imports big texts off the main thread, so the page stays responsive while they are read. */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ text: string; options: ImportOptions }>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (e) => scope.postMessage(importNix(e.data.text, e.data.options));
