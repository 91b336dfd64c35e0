/** Where and why text is not (complete) Nix. */
export interface ImportError {
  line: number;
  column: number;
  message: string;
}

/** `12:5: unexpected '}'` */
export function formatError(error: ImportError): string {
  return `${error.line}:${error.column}: ${error.message}`;
}
