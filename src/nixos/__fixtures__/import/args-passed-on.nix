# The gaming entry lives in a file of its own, which is called with the module's arguments.
{ config, lib, pkgs, ... }@args:

{
  networking.hostName = "den";

  specialisation.gaming.configuration = import ./gaming-module.nix args;

  specialisation.quiet.configuration = {
    system.nixos.tags = [ "quiet" ];
    # Reached through the argument set instead of `lib` itself.
    services.pipewire.enable = args.lib.mkForce false;
    boot.kernelParams = [ "quiet" ];
  };
}
