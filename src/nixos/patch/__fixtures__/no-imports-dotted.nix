{ config, lib, pkgs, ... }:
{
  networking.hostName = "lab";

  # A kernel to try, with the default one as the fallback.
  specialisation.kernel-test.configuration = {
    boot.kernelPackages = pkgs.linuxPackages_latest;
  };
  specialisation.kernel-test.configuration.system.nixos.tags = [ "latest" ];
  specialisation.rescue.inheritParentConfig = false;
  specialisation.rescue.configuration.boot.kernelParams = [ "systemd.unit=rescue.target" ]; # rescue shell

  services.openssh.enable = true;
}
