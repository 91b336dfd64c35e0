# One entry per compositor from a list, and one written out: the list grows without copying.
{ config, lib, pkgs, ... }:
let
  compositors = [ "sway" "river" ];
  entry = wm: {
    configuration = {
      system.nixos.tags = [ wm ];
      programs.${wm}.enable = true;
      services.greetd.enable = true;
    };
  };
in
{
  specialisation =
    {
      rescue.configuration = {
        system.nixos.tags = [ "rescue" ];
        boot.kernelParams = [ "systemd.unit=rescue.target" ];
        services.openssh.enable = lib.mkForce true;
      };
    }
    // lib.genAttrs compositors entry
    // lib.mapAttrs (name: kernel: {
      configuration = {
        system.nixos.tags = [ name ];
        boot.kernelPackages = kernel;
      };
    }) {
      lts = pkgs.linuxPackages;
      latest = pkgs.linuxPackages_latest;
    };
}
