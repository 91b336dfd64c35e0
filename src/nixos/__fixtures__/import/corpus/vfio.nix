# GPU passthrough: the second GPU goes to vfio-pci for a Windows VM.
{ config, lib, pkgs, ... }:
let
  gpuIDs = [
    "10de:2484" # Graphics
    "10de:228b" # Audio
  ];
in
{
  specialisation.vfio = {
    configuration = {
      system.nixos.tags = [ "vfio" ];
      boot.kernelParams = [ "intel_iommu=on" "iommu=pt" ];
      boot.kernelModules = [ "vfio_pci" "vfio" "vfio_iommu_type1" ];
      boot.initrd.kernelModules = [ "vfio_pci" "vfio" "vfio_iommu_type1" ];
      boot.blacklistedKernelModules = [ "nouveau" "nvidia" ];
      boot.extraModprobeConfig = "options vfio-pci ids=10de:2484,10de:228b";
      boot.initrd.preDeviceCommands = "echo vfio > /dev/kmsg";
      virtualisation.libvirtd.enable = true;
      virtualisation.libvirtd.qemu.ovmf.enable = true;
      virtualisation.libvirtd.qemu.swtpm.enable = true;
      virtualisation.spiceUSBRedirection.enable = true;
      programs.virt-manager.enable = true;
      users.users.alice.extraGroups = [ "libvirtd" "kvm" ];
      environment.systemPackages = with pkgs; [ looking-glass-client virt-viewer ];
      systemd.tmpfiles.rules = [ "f /dev/shm/looking-glass 0660 alice kvm -" ];
      hardware.graphics.enable = true;
      boot.kernelPatches = [ ];
      virtualisation.vfio.ids = gpuIDs;
    };
  };
}
