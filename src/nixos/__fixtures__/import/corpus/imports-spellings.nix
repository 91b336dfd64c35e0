# Imports as people write them: relative and absolute paths, a flake's nixosModules, a search
# path, an inline module, a path with a space, and entries that are nothing but imports.
{ config, lib, pkgs, inputs, ... }:
let
  common = [ ./common.nix ];
in
{
  specialisation = {
    gaming.configuration = {
      imports = [
        ./gaming.nix
        ../shared/steam.nix
        /etc/nixos/gaming-extra.nix
        inputs.self.nixosModules.gaming
      ];
      programs.gamemode.enable = true;
      boot.kernelPackages = lib.mkForce pkgs.linuxPackages_zen;
    };

    thinkpad.configuration.imports = [ inputs.nixos-hardware.nixosModules.lenovo-thinkpad-x1-6th-gen ];

    nvidia = {
      configuration = {
        imports = [
          inputs.nixos-hardware.nixosModules.common-gpu-nvidia
          (./. + "/gpu settings.nix")
        ];
        hardware.nvidia.prime.offload.enable = lib.mkForce false;
      };
    };

    inline.configuration = {
      imports = [
        ({ pkgs, ... }: {
          environment.systemPackages = [ pkgs.htop ];
        })
      ];
      services.openssh.enable = true;
    };

    # One configuration.imports, one list built with ++ (stays Nix with its let binding).
    travel.configuration.imports = [ ./travel.nix ];
    shared.configuration = {
      imports = common ++ [ ./shared.nix ];
      networking.hostName = lib.mkForce "shared";
    };

    offline = {
      inheritParentConfig = false;
      configuration = {
        imports = [
          ./hardware-configuration.nix
          ./offline.nix
        ];
        boot.loader.systemd-boot.enable = true;
        boot.loader.efi.canTouchEfiVariables = true;
        networking.wireless.enable = false;
      };
    };
  };
}
