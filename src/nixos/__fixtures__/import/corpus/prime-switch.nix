# The parent runs PRIME offload; one entry switches to sync, one turns the NVIDIA GPU off.
{ config, lib, pkgs, ... }:
{
  services.xserver.videoDrivers = [ "nvidia" ];
  hardware.nvidia.prime = {
    offload.enable = true;
    offload.enableOffloadCmd = true;
    intelBusId = "PCI:0:2:0";
    nvidiaBusId = "PCI:1:0:0";
  };

  specialisation."nvidia-sync".configuration = {
    system.nixos.tags = [ "nvidia-sync" ];
    hardware.nvidia.prime.offload.enable = lib.mkForce false;
    hardware.nvidia.prime.offload.enableOffloadCmd = lib.mkForce false;
    hardware.nvidia.prime.sync.enable = lib.mkForce true;
    hardware.nvidia.powerManagement.finegrained = lib.mkForce false;
    services.xserver.screenSection = ''
      Option "metamodes" "nvidia-auto-select +0+0 {ForceFullCompositionPipeline=On}"
    '';
  };

  specialisation."integrated-only" = {
    configuration = {
      system.nixos.tags = [ "integrated" ];
      services.xserver.videoDrivers = lib.mkForce [ "modesetting" ];
      hardware.nvidia.prime.offload.enable = lib.mkForce false;
      hardware.nvidia.prime.offload.enableOffloadCmd = lib.mkForce false;
      boot.blacklistedKernelModules = [ "nouveau" "nvidia" "nvidia_drm" "nvidia_modeset" ];
      boot.extraModprobeConfig = ''
        blacklist nouveau
        options nouveau modeset=0
      '';
      services.udev.extraRules = ''
        ACTION=="add", SUBSYSTEM=="pci", ATTR{vendor}=="0x10de", ATTR{power/control}="auto", ATTR{remove}="1"
      '';
    };
  };
}
