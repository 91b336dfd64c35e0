{ pkgs, ... }:
{
  specialisation = {
    chani.configuration = {
      system.nixos.tags = [ "chani" ];
      services.desktopManager.plasma6.enable = true;
      services.displayManager.sddm.enable = true;
      services.displayManager.sddm.wayland.enable = true;
      services.displayManager.autoLogin = {
        enable = true;
        user = "chani";
      };
      services.displayManager.defaultSession = "plasma";
      users.users.chani = {
        isNormalUser = true;
        uid = 1001;
        extraGroups = [
          "networkmanager"
          "video"
        ];
      };
    };
    paul.configuration = {
      system.nixos.tags = [ "paul" ];
      services.desktopManager.gnome.enable = true;
      services.displayManager.gdm.enable = true;
      services.displayManager.autoLogin = {
        enable = true;
        user = "paul";
      };
      users.users.paul = {
        isNormalUser = true;
        uid = 1002;
        extraGroups = [
          "networkmanager"
          "video"
        ];
      };
      environment.systemPackages = with pkgs; [ dune-release ];
    };
  };
}
