{ config, pkgs, ... }:
{
	imports = [
		./hardware-configuration.nix
		./specialisations.nix
	];

	networking.hostName = "tabs";
}
