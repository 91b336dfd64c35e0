# A module of one's own that turns its specialisations on and off with options of its own, and
# an entry that exists only on machines with an NVIDIA GPU.
{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.studio.bootEntries;
  hasNvidia = elem "nvidia" config.services.xserver.videoDrivers;
in
{
  options.studio.bootEntries = {
    enable = mkEnableOption "the extra boot entries";
    gaming = mkEnableOption "a gaming entry with the zen kernel";
  };

  config = mkIf cfg.enable {
    specialisation = {
      # Everyday work, with the laptop's battery in mind.
      battery.configuration = {
        system.nixos.tags = [ "battery" ];
        services.tlp.enable = true;
        powerManagement.cpuFreqGovernor = "powersave";
        boot.kernelParams = [ "mem_sleep_default=deep" ];
      };

      gaming = mkIf cfg.gaming {
        configuration = {
          system.nixos.tags = [ "gaming" ];
          boot.kernelPackages = pkgs.linuxPackages_zen;
          programs.steam.enable = true;
          programs.gamemode.enable = true;
          environment.systemPackages = with pkgs; [ mangohud lutris ];
        };
      };

      nvidia-sync = mkIf hasNvidia {
        configuration = {
          system.nixos.tags = [ "nvidia-sync" ];
          hardware.nvidia.prime.sync.enable = lib.mkForce true;
          hardware.nvidia.prime.offload.enable = lib.mkForce false;
        };
      };
    };
  };
}
