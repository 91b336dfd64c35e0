# /etc/nixos/configuration.nix on a laptop with a Thunderbolt eGPU enclosure.
{ config, lib, pkgs, ... }:

{
  imports = [ ./hardware-configuration.nix ];

  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;
  networking.hostName = "tuxedo";
  networking.networkmanager.enable = true;
  time.timeZone = "Europe/Paris";

  services.xserver.enable = true;
  services.displayManager.sddm.enable = true;
  services.desktopManager.plasma6.enable = true;

  users.users.solene = {
    isNormalUser = true;
    extraGroups = [ "wheel" "networkmanager" ];
  };

  # The eGPU entry: boot into it with the enclosure plugged in.
  specialisation.egpu.configuration.system.nixos.tags = [ "egpu" ];
  specialisation.egpu.configuration.hardware.graphics.enable = true;
  specialisation.egpu.configuration.services.xserver.videoDrivers = [ "nvidia" ];
  specialisation.egpu.configuration.hardware.nvidia.modesetting.enable = true;
  specialisation.egpu.configuration.hardware.nvidia.open = false;
  specialisation.egpu.configuration.hardware.nvidia.prime.offload.enable = true;
  specialisation.egpu.configuration.hardware.nvidia.prime.offload.enableOffloadCmd = true;
  specialisation.egpu.configuration.hardware.nvidia.prime.allowExternalGpu = true;
  specialisation.egpu.configuration.hardware.nvidia.prime.nvidiaBusId = "PCI:10:0:0";
  specialisation.egpu.configuration.hardware.nvidia.prime.intelBusId = "PCI:0:2:0";
  specialisation.egpu.configuration.hardware.nvidia.powerManagement.enable = true; # the enclosure sleeps otherwise
  specialisation.egpu.configuration.services.hardware.bolt.enable = true;
  specialisation.egpu.configuration.boot.blacklistedKernelModules = [ "nouveau" ];

  system.stateVersion = "24.11";
}
