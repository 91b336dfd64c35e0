{ pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ./specialisations.nix ];
}