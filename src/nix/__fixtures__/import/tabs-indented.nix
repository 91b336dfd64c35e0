# Written in an editor that indents with tabs.
{ config, lib, pkgs, ... }:

let
	blocked = [
		"nouveau"
		"nvidiafb"
	];
in
{
	specialisation.studio = {
		configuration = {
			system.nixos.tags = [ "studio" ];
			services.pipewire = {
				enable = true;
				jack.enable = true;
				extraConfig.pipewire."92-low-latency" = {
					"context.properties" = {
						"default.clock.rate" = 48000;
						"default.clock.quantum" = 64;
					};
				};
			};
			boot.blacklistedKernelModules = lib.mkForce blocked;
			# An alignment made with spaces after the tabs.
			musnix.kernel.packages = lib.mkDefault
				(pkgs.linuxPackages_rt
				  or pkgs.linuxPackages_latest);
			environment.etc."studio.txt".text = ''
				kept as written:
					the tabs in here are text
			'';
		};
	};
}
