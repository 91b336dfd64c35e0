{ config, pkgs, ... }:

let
  work = {
    system.nixos.tags = [ "work" ];
    services.printing.enable = true;
  };
in
{
  specialisation.work.configuration = work;

  environment.systemPackages = with pkgs; [ git ];
}
