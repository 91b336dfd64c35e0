import { runMain } from './cli';
import { runImport } from './import-command';

await runMain(runImport);
