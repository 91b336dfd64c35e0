{ config, pkgs, lib, ... }:
with lib;
let
  bigFont = "ter-v32n";
  consoleFont = "${pkgs.terminus_font}/share/consolefonts/${bigFont}.psf.gz";
in
{
  networking.hostName = "mixed";

  specialisation."plasma-x11" = {
    configuration = {
      system.nixos.tags = [ "plasma" "x11" ];
      services.xserver = {
        enable = true;
        desktopManager.plasma5.enable = true;
        displayManager = {
          sddm.enable = true;
          autoLogin.enable = true;
          autoLogin.user = "kim";
          defaultSession = "plasma";
        };
        libinput.enable = true; # touchpad
        xkb.layout = "de";
      };
      users.users."kim" = {
        isNormalUser = true;
        uid = 1200;
        shell = pkgs.bashInteractive;
        extraGroups = [ "wheel" ] ++ optional config.virtualisation.docker.enable "docker";
      };
      environment.systemPackages = with pkgs; [
        kate
        okular
        kdePackages.kdenlive
      ];
      console.font = mkForce consoleFont;
      services.printing.enable = mkDefault true;
      hardware.bluetooth.enable = lib.mkForce false;
    };
  };

  specialisation.kernel-test.configuration = {
    system.nixos.tags = [ "kernel-test" ];
    boot.kernelPackages = pkgs.linuxPackages_testing;
    boot.kernelParams = [ "quiet" "loglevel=3" ];
    boot.kernelModules = [ "kvm-intel" ];
    environment.systemPackages = [ pkgs.stress-ng pkgs.linuxPackages_testing.perf ];
  };
}
