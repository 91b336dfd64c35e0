{ pkgs, ... }:
{
  specialisation = {
    chani.configuration = {
      system.nixos.tags = [ "chani" ];
      services.xserver.enable = true;
      services.xserver.desktopManager.plasma5.enable = true;
      services.xserver.displayManager.sddm.enable = true;
      services.xserver.displayManager.autoLogin = {
        enable = true;
        user = "chani";
      };
      services.xserver.displayManager.defaultSession = "plasma";
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
      services.xserver.enable = true;
      services.xserver.desktopManager.gnome.enable = true;
      services.xserver.displayManager.gdm.enable = true;
      services.xserver.displayManager.autoLogin = {
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
