{ config, pkgs, ... }:
{
  imports = [
    ./hardware-configuration.nix # disks
    ./users.nix
  ];

  specialisation.gaming.configuration = {
    programs.steam.enable = true;
  };

  time.timeZone = "Europe/Berlin";
}
