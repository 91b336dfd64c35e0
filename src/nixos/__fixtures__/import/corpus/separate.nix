# A separate system on the same disk: it brings its own hardware configuration and bootloader.
{ config, lib, pkgs, ... }:
{
  specialisation.minimal = {
    inheritParentConfig = false;
    configuration = {
      imports = [ ./hardware-configuration.nix ];
      boot.loader.systemd-boot.enable = true;
      boot.loader.efi.canTouchEfiVariables = true;
      fileSystems."/" = {
        device = "/dev/disk/by-label/nixos";
        fsType = "ext4";
      };
      fileSystems."/boot".device = "/dev/disk/by-label/boot";
      fileSystems."/boot".fsType = "vfat";
      swapDevices = [ { device = "/dev/disk/by-label/swap"; } ];
      networking.hostName = "minimal";
      networking.useDHCP = lib.mkDefault true;
      time.timeZone = "Europe/Berlin";
      users.users.root.initialHashedPassword = "";
      services.getty.autologinUser = "root";
      environment.systemPackages = with pkgs; [ vim git ];
      system.stateVersion = "25.11";
    };
  };
}
