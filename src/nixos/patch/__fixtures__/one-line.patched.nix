{ ... }: { imports = [ ./specialisations.nix ]; networking.hostName = "tiny"; }
