{ pkgs, ... }:
{
  specialisation.kernel-test.configuration = {
    system.nixos.tags = [
      "linux-latest"
      "testing"
    ];
    boot.kernelPackages = pkgs.linuxPackages_latest;
    boot.kernelParams = [
      "quiet"
      "mitigations=auto"
      "log_buf_len=4M"
    ];
    boot.kernelModules = [ "kvm-intel" ];
  };
}
