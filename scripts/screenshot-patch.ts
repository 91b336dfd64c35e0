// Usage: npx tsx scripts/screenshot-patch.ts <url of a running production build> [out.png]
// Takes the patch view's screenshot (docs/screenshot-patch.png, 1440×900, light) from the real app: a
// configuration.nix with two specialisations imported, the main system filled from it, its GNOME kept to the
// parent, and Monaco's diff of the file. Builds nothing; `npm run screenshot` builds, serves and calls this.
import { runAsScript, takeScreenshot } from './screenshot-page';

export const PATCH_SCREENSHOT = 'docs/screenshot-patch.png';

const CONFIGURATION = `# /etc/nixos/configuration.nix
{ config, lib, pkgs, ... }:

{
  imports =
    [ # Include the results of the hardware scan.
      ./hardware-configuration.nix
    ];

  boot.loader.systemd-boot.enable = true;
  networking.hostName = "family"; # Define your hostname.
  networking.networkmanager.enable = true;

  services.xserver.enable = true;
  services.xserver.displayManager.gdm.enable = true;
  services.xserver.desktopManager.gnome.enable = true;

  # One boot entry per person.
  specialisation = {
    chani.configuration = {
      system.nixos.tags = [ "chani" ];
      services.desktopManager.plasma6.enable = true;
    };
    paul.configuration = {
      system.nixos.tags = [ "paul" ];
      services.xserver.desktopManager.xfce.enable = true;
    };
  };

  users.users.alice = {
    isNormalUser = true;
    extraGroups = [ "wheel" "networkmanager" ];
  };

  system.stateVersion = "25.05";
}
`;

export async function takePatchScreenshot(url: string, out = PATCH_SCREENSHOT): Promise<void> {
  await takeScreenshot(url, out, { viewport: { width: 1440, height: 900 } }, async (page) => {
    const file = { name: 'configuration.nix', mimeType: 'text/plain', buffer: Buffer.from(CONFIGURATION) };

    await page.getByRole('button', { name: 'Import Nix…' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import Nix' });
    await importDialog.getByLabel('Nix file to import').setInputFiles(file);
    await importDialog.getByRole('button', { name: 'Import 2 specialisations' }).click();
    await importDialog.waitFor({ state: 'hidden' });

    await page.getByRole('region', { name: 'Specialisations' }).getByRole('button', { name: /^Main system/ }).click();
    await page.getByRole('form', { name: 'Settings of the main system' }).getByRole('button', { name: 'Fill from configuration.nix…' }).click();
    const fill = page.getByRole('dialog', { name: 'Fill the main system from configuration.nix' });
    await fill.getByLabel('configuration.nix file to read').setInputFiles(file);
    await fill.getByRole('button', { name: 'Fill the main system' }).click();
    await fill.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Patch configuration.nix…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Patch configuration.nix' });
    await dialog
      .getByRole('group', { name: /^services\.desktopManager\.gnome\.enable,/ })
      .getByRole('radio', { name: /^Set it for the parent entry only/ })
      .check();
    const modified = dialog.locator('.modified-in-monaco-diff-editor .view-lines');
    await modified.getByText('lib.mkIf (config.specialisation').waitFor({ timeout: 60_000 });
    // The diff in view, below the choices.
    await dialog.evaluate((d) => d.scrollTo(0, d.scrollHeight));
    await page.mouse.move(1, 1);
    await page.waitForFunction(() => [...document.querySelectorAll('.patch-diff .scrollbar')].every((e) => getComputedStyle(e).opacity === '0'));
  });
}

await runAsScript(import.meta.url, takePatchScreenshot);
