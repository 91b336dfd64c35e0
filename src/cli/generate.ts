import { runMain } from './cli';
import { runGenerate } from './generate-command';

await runMain(runGenerate);
