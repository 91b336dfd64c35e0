{ config, lib, pkgs, ... }:
let
  people = [ "chani" "paul" ];
in
{
  imports = [ ./hardware-configuration.nix ];

  specialisation = lib.genAttrs people (name: {
    configuration.system.nixos.tags = [ name ];
  });

  networking.hostName = "family";
}
