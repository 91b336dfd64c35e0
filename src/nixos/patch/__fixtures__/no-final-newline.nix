{ pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  specialisation.egpu.configuration = {
    hardware.nvidia.prime.offload.enable = true;
  };
}