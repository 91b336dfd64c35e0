{ config, lib, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ] ++ lib.optional (builtins.pathExists ./local.nix) ./local.nix;
  config = {
    specialisation.quiet.configuration.boot.kernelParams = [ "quiet" ];
    networking.hostName = "concat";
  };
}
