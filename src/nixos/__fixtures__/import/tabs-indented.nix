# Written in an editor that indents with tabs.
{ config, lib, pkgs, ... }:

let
	blocked = [
		"nouveau"
		"nvidiafb"
	];
	rate = 48000;
	lowLatency = true;
in
{
	specialisation.studio = {
		configuration = {
			system.nixos.tags = [ "studio" ];
			services.pipewire = {
				enable = lowLatency;
				jack.enable = lowLatency;
				extraConfig.pipewire."92-low-latency" = {
					"context.properties" = {
						"default.clock.rate" = rate;
						"default.clock.quantum" = rate / 750;
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
					the tabs in here are text at ${toString rate} Hz
			'';
		};
	};
}
