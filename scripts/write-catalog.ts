// Usage: npm run catalog (after changing src/nixos/releases.ts or groups.ts)
// Writes public/catalog/releases.json and groups.json from the release rules in src/nixos; packages.json is curated by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildGroupsCatalog, buildReleasesCatalog, catalogText } from '../src/nixos/catalog';

const dir = new URL('../public/catalog/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [file, data] of [
  ['releases.json', buildReleasesCatalog()],
  ['groups.json', buildGroupsCatalog()],
] as const) {
  writeFileSync(new URL(file, dir), catalogText(data));
  console.log(`wrote public/catalog/${file}`);
}
