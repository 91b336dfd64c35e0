{ config, lib, pkgs, ... }:
{
  imports = [ ];

  services.xserver.enable = true;

  specialisation = { };
  specialisation.x.configuration = { services.xserver.enable = lib.mkForce false; };
}
