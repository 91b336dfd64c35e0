# Work and personal profiles built with a helper; some values are computed.
{ config, lib, pkgs, ... }:
let
  profile = name: {
    configuration = {
      system.nixos.tags = [ name ];
      networking.hostName = "laptop-${name}";
      services.syncthing.enable = true;
    };
  };
  vpnHosts = [ "vpn.example.com" "gw.example.com" ];
in
{
  specialisation = {
    work.configuration = {
      system.nixos.tags = [ "work" ];
      networking.hostName = "laptop-work";
      networking.extraHosts = builtins.concatStringsSep "\n" (map (h: "10.0.0.1 ${h}") vpnHosts);
      services.openvpn.servers.office.config = "config /etc/openvpn/office.conf";
      services.openvpn.servers.office.autoStart = true;
      environment.systemPackages = with pkgs; [ slack teams-for-linux remmina ];
      virtualisation.docker.enable = true;
      virtualisation.docker.rootless.enable = true;
      services.printing.enable = true;
      security.pki.certificateFiles = [ ./certs/corp-ca.pem ];
      nix.settings.substituters = lib.mkMerge [ [ "https://cache.corp.example.com" ] ];
    };
    personal = profile "personal";
    offline.configuration = let svc = "NetworkManager-wait-online"; in {
      networking.networkmanager.enable = lib.mkForce false;
      networking.wireless.enable = false;
      systemd.services.${svc}.enable = false;
    };
  };
}
