# A laptop with a Thunderbolt enclosure: the eGPU entry, and one for the train.
{ config, lib, pkgs, ... }:
{
  specialisation = {
    egpu.configuration = {
      system.nixos.tags = [ "egpu" ];
      services.xserver.videoDrivers = [ "nvidia" ];
      hardware.nvidia = {
        modesetting.enable = true;
        open = true;
        powerManagement.enable = true;
        prime = {
          offload.enable = true;
          offload.enableOffloadCmd = true;
          allowExternalGpu = true;
          intelBusId = "PCI:0:2:0";
          nvidiaBusId = "PCI:10:0:0";
        };
      };
      services.hardware.bolt.enable = true;
      boot.kernelParams = [ "pcie_ports=native" ];
      boot.blacklistedKernelModules = [ "nouveau" ];
      environment.variables.__GLX_VENDOR_LIBRARY_NAME = "nvidia";
      services.udev.extraRules = ''
        ACTION=="add", SUBSYSTEM=="thunderbolt", ATTR{authorized}=="0", ATTR{authorized}="1"
      '';
    };
    on-the-go.configuration = {
      system.nixos.tags = [ "battery" ];
      services.tlp.enable = lib.mkForce true;
      services.power-profiles-daemon.enable = lib.mkForce false;
      powerManagement.cpuFreqGovernor = lib.mkDefault "powersave";
      boot.kernelParams = [ "mem_sleep_default=deep" ];
      hardware.bluetooth.enable = false;
      services.tlp.settings = {
        CPU_SCALING_GOVERNOR_ON_BAT = "powersave";
        CPU_MAX_PERF_ON_BAT = 60;
        START_CHARGE_THRESH_BAT0 = 75;
        STOP_CHARGE_THRESH_BAT0 = 80;
      };
    };
  };
}
