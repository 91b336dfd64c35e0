import { EXPR, UNREAD, options, src } from '../dsl';

export const PROGRAM_OPTIONS = [
  ...options({ source: src('nixos/modules/programs/wayland/hyprland.nix'), unverified: UNREAD, prefix: 'programs.hyprland', from: '23.05' }, {
    enable: ['bool', false],
    package: ['package', EXPR],
    'xwayland.enable': ['bool', true],
    withUWSM: ['bool', false, { from: '24.11' }],
    portalPackage: ['package', EXPR],
  }),
  ...options({ source: src('nixos/modules/programs/wayland/sway.nix'), unverified: UNREAD, prefix: 'programs.sway' }, {
    enable: ['bool', false],
    package: ['nullOr package', EXPR],
    wrapperFeatures: ['submodule', EXPR],
    'wrapperFeatures.gtk': ['bool', false],
    'wrapperFeatures.base': ['bool', true],
    extraPackages: ['listOf package', EXPR],
    extraSessionCommands: ['str', ''],
    extraOptions: ['listOf str', []],
    'xwayland.enable': ['bool', true, { from: '24.05' }],
  }),
  ...options({ source: src('nixos/modules/programs/wayland/niri.nix'), unverified: UNREAD, prefix: 'programs.niri', from: '25.05' }, {
    enable: ['bool', false],
    package: ['package', EXPR],
    useNautilus: ['bool', true, { from: '25.11' }],
  }),
  ...options({ source: src('nixos/modules/programs/wayland/river.nix'), unverified: UNREAD, prefix: 'programs.river', from: '23.05' }, {
    enable: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/programs/wayland/labwc.nix'), unverified: UNREAD, prefix: 'programs.labwc', from: '24.05' }, {
    enable: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/programs/steam.nix'), unverified: UNREAD, prefix: 'programs.steam' }, {
    enable: ['bool', false],
    package: ['package', EXPR],
    'remotePlay.openFirewall': ['bool', false],
    'dedicatedServer.openFirewall': ['bool', false],
    'localNetworkGameTransfers.openFirewall': ['bool', false, { from: '24.05' }],
    'gamescopeSession.enable': ['bool', false, { from: '23.05' }],
    'gamescopeSession.args': ['listOf str', [], { from: '23.05' }],
    'gamescopeSession.env': ['attrsOf str', {}, { from: '23.05' }],
    extraCompatPackages: ['listOf package', [], { from: '24.05' }],
    extraPackages: ['listOf package', [], { from: '24.05' }],
    'extest.enable': ['bool', false, { from: '24.05' }],
    'protontricks.enable': ['bool', false, { from: '24.11' }],
    fontPackages: ['listOf package', EXPR, { from: '24.11' }],
  }),
  ...options({ source: src('nixos/modules/programs/gamemode.nix'), unverified: UNREAD, prefix: 'programs.gamemode' }, {
    enable: ['bool', false],
    enableRenice: ['bool', true],
    settings: ['attrsOf attrsOf other', {}],
  }),
  ...options({ source: src('nixos/modules/programs/gamescope.nix'), unverified: UNREAD, prefix: 'programs.gamescope', from: '23.05' }, {
    enable: ['bool', false],
    package: ['package', EXPR],
    capSysNice: ['bool', false],
    args: ['listOf str', []],
    env: ['attrsOf str', {}],
  }),
  ...options({ source: src('nixos/modules/programs/zsh/zsh.nix'), unverified: UNREAD, prefix: 'programs.zsh' }, {
    enable: ['bool', false],
    enableCompletion: ['bool', true],
    'autosuggestions.enable': ['bool', false],
    'syntaxHighlighting.enable': ['bool', false],
    shellAliases: ['attrsOf nullOr either str path', {}],
  }),
  ...options({ source: src('nixos/modules/programs/fish.nix'), unverified: UNREAD, prefix: 'programs.fish' }, {
    enable: ['bool', false],
    shellAliases: ['attrsOf nullOr str', {}],
  }),
  ...options({ source: src('nixos/modules/programs/xonsh.nix'), unverified: UNREAD, prefix: 'programs.xonsh' }, {
    enable: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/programs/firefox.nix'), unverified: UNREAD, prefix: 'programs.firefox' }, {
    enable: ['bool', false],
    package: ['package', EXPR],
  }),
  ...options({ source: src('nixos/modules/programs/xwayland.nix'), unverified: UNREAD, prefix: 'programs.xwayland' }, {
    enable: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/programs/dconf.nix'), unverified: UNREAD, prefix: 'programs.dconf' }, {
    enable: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/programs/corectrl.nix'), unverified: UNREAD, prefix: 'programs.corectrl' }, {
    enable: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/programs/nix-ld.nix'), unverified: UNREAD, prefix: 'programs.nix-ld' }, {
    enable: ['bool', false],
    libraries: ['listOf package', EXPR, { from: '23.05' }],
  }),
  ...options({ source: src('nixos/modules/programs/virt-manager.nix'), unverified: UNREAD, prefix: 'programs.virt-manager', from: '23.11' }, {
    enable: ['bool', false],
  }),
];
