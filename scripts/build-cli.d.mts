/** Types of scripts/build-cli.mjs, for the TypeScript that uses it (bench/cli.ts, src/cli/built.test.ts). */
export declare const CLI_ENTRY: string;
export declare const CLI_FILE: string;
export declare function cliBuildOptions(entry?: string): Record<string, unknown>;
export declare function buildCli(options?: {
  entry?: string;
  outfile?: string;
  program?: boolean;
  /** The arguments of the run that makes the program's code cache (default: generate the seed example). */
  cacheRun?: string[];
}): Promise<{ startedAt: number; inputs: string[]; bytes: number }>;
export declare function freshBuild(): string | null;
export declare function buildProgram(): Promise<{ startedAt: number; inputs: string[]; bytes: number }>;
export declare function ensureProgram(): Promise<string>;
