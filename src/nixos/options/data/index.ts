import type { OptionFact, RenameFact } from '../types';
import { BOOT_OPTIONS } from './boot';
import { DESKTOP_OPTIONS } from './desktop';
import { HARDWARE_OPTIONS } from './hardware';
import { MISC_OPTIONS } from './misc';
import { PROGRAM_OPTIONS } from './programs';
import { RENAMES } from './renames';
import { SERVICE_OPTIONS } from './services';
import { SYSTEM_OPTIONS } from './system';

/** Every option fact, every release; scripts/write-options.ts writes one catalog per release from these. */
export const OPTION_FACTS: readonly OptionFact[] = [
  ...BOOT_OPTIONS,
  ...HARDWARE_OPTIONS,
  ...DESKTOP_OPTIONS,
  ...SERVICE_OPTIONS,
  ...PROGRAM_OPTIONS,
  ...SYSTEM_OPTIONS,
  ...MISC_OPTIONS,
];

export const RENAME_FACTS: readonly RenameFact[] = RENAMES;
