# Entries built by a helper in a `let`, then listed with `inherit`.
{ config, lib, pkgs, ... }:

let
  core = [ ./hardware-configuration.nix ./core.nix ];

  # A separate system made of the core modules and one of its own.
  mk = module: {
    inheritParentConfig = false;
    configuration.imports = core ++ [ module ];
  };

  # Same, with a label in the boot menu.
  mkTagged = tag: module: {
    inheritParentConfig = false;
    configuration = {
      imports = core ++ [ module ];
      system.nixos.tags = [ tag ];
    };
  };

  specs = {
    work = mk ./work.nix;
    games = mkTagged "games" ./games.nix;
  };

  rescue = {
    configuration = {
      boot.kernelParams = [ "systemd.unit=rescue.target" ];
      services.openssh.enable = lib.mkForce true;
    };
  };
in
{
  networking.hostName = "helpers";

  specialisation = {
    inherit (specs) work games;
    inherit rescue;
    media = mkTagged "media" ./media.nix;
  };
}
