{ config, pkgs, ... }:

let
  host = "lab";
in
{
  imports = [ ./specialisations.nix ];

  networking.hostName = host;
  environment.systemPackages = with pkgs; [ git ];
}
