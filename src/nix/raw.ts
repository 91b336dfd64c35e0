// Provisional: replaced by the real parser once src/nix/syntax lands.
export function rawLayout(text: string) {
  return { lines: text.split('\n'), linesInsideStrings: new Set<number>() };
}
export function rawFreeVariables(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(config|lib|pkgs|options|modulesPath)\b/g)) out.add(m[1]);
  return out;
}
export function rawCheck(text: string): { error: { line: number; column: number; message: string } | null; optionPaths: string[] } {
  void text;
  return { error: null, optionPaths: [] };
}
