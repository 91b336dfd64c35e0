{ pkgs, ... }:
{
  specialisation = {
    work.configuration = {
      system.nixos.tags = [ "work" ];
      services.desktopManager.gnome.enable = true;
      services.displayManager.gdm.enable = true;
      services.displayManager.autoLogin = {
        enable = true;
        user = "alex";
      };
      users.users.alex = {
        isNormalUser = true;
        uid = 1010;
        description = "Alex (work)";
        extraGroups = [
          "wheel"
          "video"
        ];
        shell = pkgs.zsh;
        hashedPassword = "$6$Yy5vGqV0$3gYJ0wqXrZ1k1m2Zb0m4G0p6vH8d9Q0s1T2u3V4w5X6y7Z8a9b0c1d2e3f4g5h6i7j8k9l0m1n2o3p4q5r6s7t";
        openssh.authorizedKeys.keys = [
          "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk0a3tR2m1w9yYp alex@work"
        ];
      };
      programs.zsh.enable = true;
      environment.systemPackages = with pkgs; [
        slack
        zoom-us
        firefox
      ];
    };
    personal.configuration = {
      system.nixos.tags = [ "personal" ];
      services.desktopManager.plasma6.enable = true;
      services.displayManager.sddm.enable = true;
      services.displayManager.sddm.wayland.enable = true;
      services.displayManager.autoLogin = {
        enable = true;
        user = "alex";
      };
      services.displayManager.defaultSession = "plasma";
      users.users.alex = {
        isNormalUser = true;
        uid = 1010;
        description = "Alex";
        extraGroups = [
          "wheel"
          "audio"
        ];
        shell = pkgs.fish;
      };
      programs.fish.enable = true;
      environment.systemPackages = with pkgs; [
        steam
        discord
      ];
    };
  };
}
