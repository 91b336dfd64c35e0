{ config, lib, pkgs, ... }:
{
  imports = [ ./specialisations.nix ];

  services.xserver.enable = true;
}
