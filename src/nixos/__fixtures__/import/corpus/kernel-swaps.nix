# Boot entries for other kernels: the parent keeps the default one.
{ config, lib, pkgs, ... }:
{
  boot.kernelPackages = pkgs.linuxPackages_6_12;

  specialisation = {
    zen.configuration = {
      system.nixos.tags = [ "zen" ];
      boot.kernelPackages = lib.mkForce pkgs.linuxPackages_zen;
      boot.kernelParams = [ "preempt=full" "threadirqs" ];
      boot.kernel.sysctl."vm.swappiness" = 10;
      boot.kernel.sysctl."kernel.sched_autogroup_enabled" = 1;
    };
    latest.configuration = {
      system.nixos.tags = [ "latest" ];
      boot.kernelPackages = lib.mkForce pkgs.linuxPackages_latest;
      boot.zfs.enabled = false;
    };
    lts.configuration = {
      boot.kernelPackages = lib.mkOverride 40 pkgs.linuxPackages;
      boot.kernelModules = [ "kvm-amd" ];
      boot.initrd.availableKernelModules = [ "nvme" "xhci_pci" "ahci" ];
      boot.consoleLogLevel = 3;
      boot.loader.timeout = 10;
    };
    rescue.configuration = {
      system.nixos.tags = [ "rescue" ];
      boot.kernelParams = [ "systemd.unit=rescue.target" ];
      systemd.services."getty@tty1".enable = true;
      services.openssh.enable = lib.mkForce true;
      networking.firewall.allowedTCPPorts = [ 22 ];
    };
  };
}
