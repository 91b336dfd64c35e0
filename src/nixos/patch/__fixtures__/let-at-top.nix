{ config, pkgs, ... }:

let
  host = "lab";
in
{
  specialisation.work.configuration = {
    system.nixos.tags = [ "work" ];
    services.printing.enable = true;
  };

  networking.hostName = host;
  environment.systemPackages = with pkgs; [ git ];
}
