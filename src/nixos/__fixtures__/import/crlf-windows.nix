# Edited on Windows: every line ends in CR LF, and a tab indents here and there.
{ config, lib, pkgs, ... }:

let
  place = "office";
in
{
	specialisation.office = {
		configuration = {
    system.nixos.tags = [ "office" ];
    users.users.sam = {
      isNormalUser = true;
      uid = 1001;
      description = "Sam";
    };
    # The banner keeps its CR LF line ends: Nix reads them as part of the text.
    environment.etc."issue.office".text = ''
      Welcome to the ${place} entry.
      Ask IT before you install anything.
    '';
    environment.etc."motd".text = "first line
second line";
    services.printing.enable = true;
		};
	};
}
