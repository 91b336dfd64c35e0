{ pkgs, ... }:
{
  specialisation.egpu.configuration =
    { config, ... }:
    {
      system.nixos.tags = [
        "egpu"
        "nvidia"
      ];
      environment.systemPackages = with pkgs; [ nvtopPackages.full ];
      hardware.graphics.enable = true;
      services.xserver.videoDrivers = [ "nvidia" ];
      hardware.nvidia = {
        modesetting.enable = true;
        open = true;
        package = config.boot.kernelPackages.nvidiaPackages.beta;
        prime = {
          offload.enable = true;
          offload.enableOffloadCmd = true;
          nvidiaBusId = "PCI:10:0:0";
          intelBusId = "PCI:0:2:0";
          allowExternalGpu = true;
        };
      };
      services.hardware.bolt.enable = true;
      boot.kernelPackages = pkgs.linuxPackages_latest;
      boot.blacklistedKernelModules = [ "nouveau" ];
    };
}
