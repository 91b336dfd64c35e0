{ config, pkgs, ... }:
{
	imports = [
		./hardware-configuration.nix
	];

	specialisation = {
		studio.configuration = {
			boot.kernelParams = [ "threadirqs" ];
		};
	};

	networking.hostName = "tabs";
}
