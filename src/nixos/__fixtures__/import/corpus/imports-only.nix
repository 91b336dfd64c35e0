# Entries that are other files: nothing but imports.
{ config, lib, pkgs, ... }:
{
  specialisation = {
    work.configuration.imports = [ ./work.nix ];
    gaming.configuration = {
      imports = [ ./gaming.nix ./steam.nix ];
    };
    "travel-mode" = {
      configuration = {
        imports = [ ./travel.nix ];
        system.nixos.tags = [ "travel" ];
        networking.networkmanager.wifi.powersave = true;
      };
    };
  };
}
