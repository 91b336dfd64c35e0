{ config, lib, pkgs, ... }:
{
  imports = [ ./specialisations.nix ];

  networking.hostName = "lab";

  services.openssh.enable = true;
}
