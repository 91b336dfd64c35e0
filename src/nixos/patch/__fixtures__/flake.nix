{
  description = "A flake with a specialisation in one of its modules";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
  outputs = { self, nixpkgs, ... }: {
    nixosConfigurations.desk = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ./configuration.nix
        ({ pkgs, ... }: {
          specialisation.amd-gpu.configuration = {
            system.nixos.tags = [ "amd" ];
            hardware.opengl.enable = true;
            services.xserver.videoDrivers = [ "amdgpu" ];
            services.desktopManager.plasma6.enable = true;
            services.displayManager.sddm.enable = true;
            services.displayManager.sddm.wayland.enable = true;
            environment.systemPackages = [ pkgs.radeontop ];
          };
        })
      ];
    };
  };
}
