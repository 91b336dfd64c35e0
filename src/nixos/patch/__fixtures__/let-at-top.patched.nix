{ config, pkgs, ... }:

let
  work = {
    system.nixos.tags = [ "work" ];
    services.printing.enable = true;
  };
in
{
  imports = [ ./specialisations.nix ];

  environment.systemPackages = with pkgs; [ git ];
}
