# Configurations written as functions, with their own config.
{ config, lib, pkgs, ... }:
{
  specialisation.gaming.configuration = { config, pkgs, lib, ... }: {
    system.nixos.tags = [ "gaming" ];
    services.xserver.videoDrivers = [ "nvidia" ];
    hardware.nvidia.open = false;
    hardware.nvidia.package = config.boot.kernelPackages.nvidiaPackages.beta;
    hardware.nvidia.modesetting.enable = true;
    boot.kernelPackages = lib.mkForce pkgs.linuxPackages_xanmod_latest;
    programs.steam.enable = true;
    programs.steam.gamescopeSession.enable = true;
    programs.gamemode.enable = true;
    programs.gamescope.capSysNice = true;
    hardware.graphics.enable32Bit = true;
    powerManagement.cpuFreqGovernor = lib.mkForce "performance";
    services.pipewire.lowLatency.quantum = 64;
    environment.systemPackages = with pkgs; [ mangohud protonup-qt lutris ];
    systemd.services.nix-daemon.serviceConfig.CPUSchedulingPolicy = lib.mkIf config.programs.gamemode.enable "idle";
    networking.firewall.allowedUDPPorts = [ 27031 27036 ];
  };
  specialisation.streaming.configuration = { pkgs, ... }: {
    system.nixos.tags = [ "streaming" ];
    programs.obs-studio.enable = true;
    programs.obs-studio.enableVirtualCamera = true;
    boot.extraModulePackages = [ ];
    environment.systemPackages = [ pkgs.obs-studio pkgs.v4l-utils ];
    security.rtkit.enable = true;
  };
}
