import { runMain } from './cli';
import { runPatch } from './patch-command';

await runMain(runPatch);
