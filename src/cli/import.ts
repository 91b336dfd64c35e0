import { runMain } from './cli';
import { runImport } from './import-command';

runMain(runImport);
