# Called by args-passed-on.nix as `import ./gaming-module.nix args` (not an input of its own).
{ lib, pkgs, ... }:
{
  programs.steam.enable = true;
  hardware.graphics.enable = lib.mkDefault true;
  environment.systemPackages = [ pkgs.mangohud ];
}
