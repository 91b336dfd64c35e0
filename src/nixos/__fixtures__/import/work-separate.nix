{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;
  services.xserver.enable = true;
  services.xserver.desktopManager.gnome.enable = true;

  # A clean system for work: nothing of the personal setup, its own user and tools.
  specialisation.work = {
    inheritParentConfig = false;
    configuration = {
      imports = [ ./hardware-configuration.nix ];
      boot.loader.systemd-boot.enable = true;
      boot.loader.efi.canTouchEfiVariables = true;
      system.nixos.tags = [ "work" ];
      networking.hostName = "work-laptop";
      services.desktopManager.gnome.enable = true;
      services.displayManager.gdm.enable = true;
      users.users.alex = {
        isNormalUser = true;
        uid = 1010;
        description = "Alex (work)";
        extraGroups = [ "wheel" ];
        hashedPassword = "$6$Yy5vGqV0$3gYJ0wqXrZ1k1m2Zb0m4G0p6vH8d9Q0s1T2u3V4w5X6y7Z8a9b0c1d2e3f4g5h6i7j8k9l0m1n2o3p4q5r6s7t";
        openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk0a3tR2m1w9yYp alex@work" ];
      };
      environment.systemPackages = [ pkgs.slack pkgs.zoom-us pkgs.firefox ];
      services.openssh.enable = true;
      services.openssh.settings.PasswordAuthentication = false;
      system.stateVersion = "25.11";
    };
  };
}
