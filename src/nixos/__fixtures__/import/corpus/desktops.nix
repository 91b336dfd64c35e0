# One entry per desktop, and one without any.
{ config, lib, pkgs, ... }:
{
  users.users.dana = { isNormalUser = true; extraGroups = [ "wheel" ]; };

  specialisation = {
    plasma.configuration = {
      system.nixos.tags = [ "plasma" ];
      services.desktopManager.plasma6.enable = true;
      services.displayManager.sddm.enable = true;
      services.displayManager.sddm.wayland.enable = true;
      environment.systemPackages = with pkgs; [ kdePackages.kate kdePackages.okular ];
      programs.kdeconnect.enable = true;
      i18n.defaultLocale = "de_DE.UTF-8";
    };
    gnome.configuration = {
      system.nixos.tags = [ "gnome" ];
      services.desktopManager.gnome.enable = lib.mkForce true;
      services.displayManager.gdm.enable = true;
      services.gnome.gnome-keyring.enable = true;
      environment.gnome.excludePackages = [ pkgs.epiphany pkgs.geary ];
      programs.dconf.enable = true;
    };
    hyprland.configuration = {
      system.nixos.tags = [ "hyprland" ];
      programs.hyprland.enable = true;
      programs.hyprland.xwayland.enable = true;
      services.greetd.enable = true;
      services.greetd.settings.default_session.command = "${pkgs.greetd.tuigreet}/bin/tuigreet --cmd Hyprland";
      environment.sessionVariables.NIXOS_OZONE_WL = "1";
      environment.systemPackages = [ pkgs.waybar pkgs.wofi pkgs.kitty ];
      security.polkit.enable = true;
    };
    tty.configuration = {
      system.nixos.tags = [ "tty" ];
      services.xserver.enable = lib.mkForce false;
      services.displayManager.sddm.enable = lib.mkForce false;
      console.font = "ter-v32n";
      console.keyMap = "de";
    };
  };
}
