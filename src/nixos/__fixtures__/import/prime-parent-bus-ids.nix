# The parent knows the laptop's GPUs; the specialisation only turns PRIME offload on.
{ config, lib, pkgs, ... }:

{
  services.xserver.videoDrivers = [ "nvidia" ];
  hardware.nvidia = {
    modesetting.enable = true;
    prime = {
      intelBusId = "PCI:0:2:0";
      nvidiaBusId = "PCI:1:0:0";
      sync.enable = true;
    };
  };

  specialisation.on-battery.configuration = {
    system.nixos.tags = [ "on-battery" ];
    hardware.nvidia.prime.sync.enable = lib.mkForce false;
    hardware.nvidia.prime.offload.enable = true;
    hardware.nvidia.prime.offload.enableOffloadCmd = true;
  };

  specialisation.offload-only.configuration = {
    services.xserver.videoDrivers = [ "nvidia" ];
    hardware.nvidia.prime.offload.enable = true;
    boot.kernelParams = [ "nvidia.NVreg_DynamicPowerManagement=0x02" ];
  };
}
