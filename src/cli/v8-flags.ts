import { setFlagsFromString } from 'node:v8';

/**
 * A command-line run is short and starts cold, so V8 is told so before any command's code runs
 * (main.ts imports this first). Without inlining, the optimizing compiler does a fraction of its
 * work on background threads — generating 1,000 specialisations × 10 users, some 80 ms of CPU less,
 * with the main thread as fast (the functions it would inline into run once per specialisation,
 * too few times to repay it). bench/cli-child.ts imports this too, so it measures what the program does.
 */
setFlagsFromString('--no-turbo-inlining');
