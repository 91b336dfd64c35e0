import { readFileSync, writeFileSync } from 'node:fs';
import { runImport } from './import-command';

function main() {
  const result = runImport(process.argv.slice(2), (f) => readFileSync(f === '-' ? 0 : f, 'utf8'));
  if (result.output) {
    try {
      writeFileSync(result.output.file, result.output.text);
    } catch (e) {
      process.stderr.write(`${result.output.file}: cannot write: ${(e as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

main();
