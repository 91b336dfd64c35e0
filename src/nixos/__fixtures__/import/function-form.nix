{ config, pkgs, lib, ... }:
let
  gamingPackages = with pkgs; [ mangohud gamemode ];
  inherit (lib) mkForce;
in
{
  imports = [ ./hardware-configuration.nix ];
  boot.kernelPackages = pkgs.linuxPackages;

  specialisation = {
    gaming.configuration =
      { config, pkgs, ... }:
      {
        system.nixos.tags = [ "gaming" "nvidia-beta" ];
        boot.kernelPackages = mkForce pkgs.linuxPackages_zen;
        boot.kernelParams = [ "mitigations=off" "nowatchdog" ];
        services.xserver.videoDrivers = [ "nvidia" ];
        hardware.graphics = {
          enable = true;
          enable32Bit = true;
        };
        hardware.nvidia = {
          modesetting.enable = true;
          open = true;
          # Built for this entry's own kernel: `config` is the specialisation's here.
          package = config.boot.kernelPackages.nvidiaPackages.beta;
        };
        programs.steam.enable = true;
        environment.systemPackages = gamingPackages ++ [ pkgs.protonup-qt ];
        users.users.gamer = {
          isNormalUser = true;
          uid = 1100;
          description = "Game night";
          extraGroups = [ "video" "audio" "input" ];
          shell = pkgs.zsh;
        };
        programs.zsh.enable = true;
        environment.etc."gaming-note".text = ''
          Built for ${config.networking.hostName}.
            Indented line stays indented.
        '';
      };
  };

  system.stateVersion = "25.05";
}
