/**
 * Builds a realistic NixOS configuration.nix of at least `minLines` lines
 * (users, services, systemd units, specialisations, indented-string scripts)
 * for parser benchmarks. Deterministic: the same input gives the same text.
 */
export function buildLargeConfiguration(minLines = 5000): string {
  const out: string[] = [
    '# Generated benchmark configuration for the Nix parser.',
    '{ config, lib, pkgs, ... }:',
    '',
    'let',
    '  inherit (lib) mkDefault mkForce mkIf mkMerge optionals;',
    '  commonPackages = with pkgs; [ git vim curl wget htop jq ripgrep ];',
    '  mkUser = name: uid: {',
    '    isNormalUser = true;',
    '    inherit uid;',
    '    home = "/home/${name}";',
    '    extraGroups = [ "users" ] ++ optionals (uid < 1010) [ "wheel" ];',
    '  };',
    'in',
    '{',
    '  imports = [ ./hardware-configuration.nix ./modules/common.nix ];',
    '  boot.loader.systemd-boot.enable = true;',
    '  boot.kernelParams = [ "quiet" "splash" ];',
    '  networking.hostName = "studio";',
    '  time.timeZone = "Europe/Berlin";',
    '  environment.systemPackages = commonPackages ++ [ pkgs.firefox ];',
    '  nix.settings.experimental-features = [ "nix-command" "flakes" ];',
    '  system.stateVersion = "24.05";',
  ];
  const body: string[] = [];
  for (let i = 0; out.length + body.length < minLines - 2; i++) {
    const kind = i % 4;
    if (kind === 0) {
      body.push(
        `  users.users.user${i} = mkUser "user${i}" ${1000 + i} // {`,
        `    description = "User number ${i} (generated)";`,
        `    openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${i} user${i}@studio" ];`,
        `    packages = with pkgs; [ hello cowsay ] ++ lib.optional (${i} > 10) pkgs.tree;`,
        '  };',
      );
    } else if (kind === 1) {
      body.push(
        `  services.nginx.virtualHosts."site${i}.example.org" = {`,
        '    forceSSL = true;',
        '    enableACME = mkDefault true;',
        `    root = "/var/www/site${i}";`,
        `    locations."/api/".proxyPass = "http://127.0.0.1:${8000 + (i % 1000)}";`,
        `    extraConfig = ''`,
        `      # site ${i}`,
        `      add_header X-Site "site${i}" always;`,
        `      set $backend "''\${host}";`,
        `    '';`,
        '  };',
      );
    } else if (kind === 2) {
      body.push(
        `  systemd.services.job${i} = {`,
        `    description = "Periodic job ${i}";`,
        '    wantedBy = [ "multi-user.target" ];',
        '    after = [ "network-online.target" ];',
        '    serviceConfig = { Type = "oneshot"; User = "root"; Nice = 10; };',
        `    script = ''`,
        '      set -euo pipefail',
        `      echo "running job ${i} on \${config.networking.hostName}"`,
        `      \${pkgs.coreutils}/bin/sleep ${i % 7}`,
        `    '';`,
        '  };',
      );
    } else {
      body.push(
        `  specialisation.mode${i} = {`,
        `    inheritParentConfig = ${i % 8 === 3 ? 'false' : 'true'};`,
        '    configuration = { config, ... }: {',
        `      system.nixos.tags = [ "mode${i}" ];`,
        `      services.xserver.enable = mkForce ${i % 2 === 1 ? 'true' : 'false'};`,
        `      networking.hostName = mkForce "\${config.networking.hostName}-m${i}";`,
        `      boot.kernelParams = mkIf (!config.boot.isContainer) [ "mode=${i}" ];`,
        '      hardware.cpu.intel.updateMicrocode = lib.mkDefault (1 + 2 * 3 >= 7 && true);',
        '    };',
        '  };',
      );
    }
  }
  return [...out, ...body, '}', ''].join('\n');
}
