/**
 * A word for a POSIX shell that the shell reads back as exactly `text`: bare when it holds only
 * characters no shell treats specially, else in single quotes. A copied command can then never run
 * what a name holds (`a; rm -rf ~`), even while the name is still marked invalid. `#` is quoted
 * anywhere (zsh's extended glob reads it as a pattern: `.#host` is written `'.#host'`), `=` first too
 * (zsh expands `=cmd` to the command's path).
 */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
