import { decodeUtf8 } from '../../model/utf8';

/**
 * A file's text, or a message naming the file, line and column where it is not UTF-8.
 * `File.text()` would turn each bad byte into U+FFFD without a word, where Nix keeps the bytes.
 */
export async function readTextFile(file: File): Promise<{ text: string } | { problem: string }> {
  const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
  if ('text' in decoded) return decoded;
  const { line, column, message } = decoded.problem;
  return { problem: `${file.name}:${line}:${column}: ${message}. Nothing was imported.` };
}
