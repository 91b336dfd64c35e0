import { runMain } from './cli';
import { runGenerate } from './generate-command';

runMain(runGenerate);
