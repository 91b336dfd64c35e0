{ config, pkgs, ... }:
{
  imports = [
    ./hardware-configuration.nix # disks
    ./users.nix
    ./specialisations.nix
  ];

  time.timeZone = "Europe/Berlin";
}
