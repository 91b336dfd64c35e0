// Usage: npm run options (after changing src/nixos/options/data)
// Writes public/options/<release>.json, one option catalog per release. See docs/option-catalog.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { RELEASES } from '../src/model/types';
import { buildReleaseCatalog, optionCatalogText } from '../src/nixos/options/build';
import { OPTION_FACTS, RENAME_FACTS } from '../src/nixos/options/data';

const dir = new URL('../public/options/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const release of RELEASES) {
  const catalog = buildReleaseCatalog(release, OPTION_FACTS, RENAME_FACTS);
  writeFileSync(new URL(`${release}.json`, dir), optionCatalogText(catalog));
  console.log(`wrote public/options/${release}.json: ${catalog.options.length} options, ${catalog.renames.length} renames`);
}
