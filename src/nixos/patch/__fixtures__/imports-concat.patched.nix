{ config, lib, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ./specialisations.nix ] ++ lib.optional (builtins.pathExists ./local.nix) ./local.nix;
  config = {
    networking.hostName = "concat";
  };
}
