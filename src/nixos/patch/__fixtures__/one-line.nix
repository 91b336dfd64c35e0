{ ... }: { specialisation.a.configuration = { }; networking.hostName = "tiny"; }
