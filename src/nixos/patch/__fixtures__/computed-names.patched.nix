{ config, lib, pkgs, ... }:
let
  people = [ "chani" "paul" ];
in
{
  imports = [ ./hardware-configuration.nix ./specialisations.nix ];

  networking.hostName = "family";
}
