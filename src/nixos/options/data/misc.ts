import { EXPR, NONE, UNREAD, options, src } from '../dsl';

export const MISC_OPTIONS = [
  // environment
  ...options({ source: src('nixos/modules/config/system-path.nix'), unverified: UNREAD, prefix: 'environment' }, {
    systemPackages: ['listOf package', []],
    defaultPackages: ['listOf package', EXPR],
    pathsToLink: ['listOf str', []],
    extraOutputsToInstall: ['listOf str', []],
  }),
  ...options({ source: src('nixos/modules/config/shells-environment.nix'), unverified: UNREAD, prefix: 'environment' }, {
    variables: ['attrsOf either str either path listOf either str path', {}],
    shellAliases: ['attrsOf nullOr either str path', EXPR],
    shells: ['listOf either package path', []],
    shellInit: ['str', ''],
    loginShellInit: ['str', ''],
    interactiveShellInit: ['str', ''],
    homeBinInPath: ['bool', false],
    localBinInPath: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/config/system-environment.nix'), unverified: UNREAD, prefix: 'environment' }, {
    sessionVariables: ['attrsOf either str either path listOf either str path', {}],
  }),
  ...options({ source: src('nixos/modules/system/etc/etc.nix'), unverified: UNREAD, prefix: 'environment.etc' }, {
    '': ['attrsOf submodule', {}],
    '<name>.enable': ['bool', true],
    '<name>.text': ['nullOr str', null],
    '<name>.source': ['path', NONE],
    '<name>.target': ['str', EXPR],
    '<name>.mode': ['str', 'symlink'],
    '<name>.user': ['str', '+0'],
    '<name>.group': ['str', '+0'],
  }),
  ...options({ source: src('nixos/modules/config/no-x-libs.nix'), unverified: UNREAD, until: '25.05' }, {
    'environment.noXlibs': ['bool', false, { unverified: ['until'] }],
  }),
  // system.nixos, specialisation, system
  ...options({ source: src('nixos/modules/misc/label.nix'), unverified: ['from'], prefix: 'system.nixos' }, {
    tags: ['listOf str', []],
    label: ['str', EXPR],
  }),
  ...options({ source: src('nixos/modules/misc/version.nix'), unverified: UNREAD }, {
    'system.stateVersion': ['str', EXPR],
    'system.nixos.distroName': ['str', 'NixOS', { from: '23.11' }],
    'system.nixos.variant_id': ['nullOr str', null, { from: '23.11' }],
  }),
  ...options({ source: src('nixos/modules/system/activation/specialisation.nix'), unverified: ['from'], prefix: 'specialisation' }, {
    '': ['attrsOf submodule', {}],
    '<name>.configuration': ['other', {}],
    '<name>.inheritParentConfig': ['bool', true],
  }),
  ...options({ source: src('nixos/modules/tasks/auto-upgrade.nix'), unverified: UNREAD, prefix: 'system.autoUpgrade' }, {
    enable: ['bool', false],
    allowReboot: ['bool', false],
    flake: ['nullOr str', null],
    dates: ['str', '04:40'],
  }),
  ...options({ source: src('nixos/modules/services/misc/nix-daemon.nix'), unverified: UNREAD }, {
    'nix.settings': ['submodule', {}],
    'nix.settings.experimental-features': ['listOf str', EXPR, { unverified: ['default'] }],
    'nix.gc.automatic': ['bool', false],
    'nix.gc.dates': ['str', '03:15', { unverified: ['type'] }],
    'nix.gc.options': ['str', ''],
  }),
  ...options({ source: src('nixos/modules/misc/nixpkgs.nix'), unverified: UNREAD }, {
    'nixpkgs.config': ['other', {}],
    'nixpkgs.config.allowUnfree': ['bool', false, { unverified: ['type'] }],
    'nixpkgs.overlays': ['listOf function', []],
    'nixpkgs.hostPlatform': ['other', NONE],
  }),
  // security
  ...options({ source: src('nixos/modules/security/sudo.nix'), unverified: UNREAD, prefix: 'security.sudo' }, {
    enable: ['bool', true],
    wheelNeedsPassword: ['bool', true],
    execWheelOnly: ['bool', false],
    extraRules: ['listOf submodule', []],
    extraConfig: ['str', ''],
  }),
  ...options({ source: src('nixos/modules/security/sudo-rs.nix'), unverified: UNREAD, prefix: 'security.sudo-rs', from: '23.11' }, {
    enable: ['bool', false],
    wheelNeedsPassword: ['bool', true],
    execWheelOnly: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/security/doas.nix'), unverified: UNREAD, prefix: 'security.doas' }, {
    enable: ['bool', false],
    wheelNeedsPassword: ['bool', true],
    extraRules: ['listOf submodule', []],
  }),
  ...options({ source: src('nixos/modules/security/polkit.nix'), unverified: UNREAD, prefix: 'security.polkit' }, {
    enable: ['bool', false, { unverified: ['default'] }],
    extraConfig: ['str', ''],
    adminIdentities: ['listOf str', ['unix-group:wheel']],
  }),
  ...options({ source: src('nixos/modules/security/rtkit.nix'), unverified: UNREAD }, {
    'security.rtkit.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/security/apparmor.nix'), unverified: UNREAD }, {
    'security.apparmor.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/security/tpm2.nix'), unverified: UNREAD }, {
    'security.tpm2.enable': ['bool', false],
    'security.tpm2.pkcs11.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/security/misc.nix'), unverified: UNREAD, prefix: 'security' }, {
    allowUserNamespaces: ['bool', true],
    unprivilegedUsernsClone: ['bool', false],
    protectKernelImage: ['bool', false],
    lockKernelModules: ['bool', false],
    allowSimultaneousMultithreading: ['bool', true],
    forcePageTableIsolation: ['bool', false],
    'virtualisation.flushL1DataCache': ['nullOr enum', null, { enum: ['never', 'cond', 'always'] }],
  }),
  ...options({ source: src('nixos/modules/security/pam.nix'), unverified: UNREAD, prefix: 'security.pam' }, {
    services: ['attrsOf submodule', {}],
    'services.<name>.fprintAuth': ['bool', EXPR],
    'services.<name>.u2fAuth': ['bool', EXPR],
    'services.<name>.enableGnomeKeyring': ['bool', false],
    'loginLimits': ['listOf submodule', []],
  }),
  ...options({ source: src('nixos/modules/security/wrappers/default.nix'), unverified: UNREAD }, {
    'security.wrappers': ['attrsOf submodule', {}],
  }),
  // i18n, console, time
  ...options({ source: src('nixos/modules/config/i18n.nix'), unverified: UNREAD, prefix: 'i18n' }, {
    defaultLocale: ['str', 'en_US.UTF-8'],
    extraLocaleSettings: ['attrsOf str', {}],
    supportedLocales: ['listOf str', EXPR],
    glibcLocales: ['path', EXPR],
    extraLocales: ['either listOf str enum', [], { from: '25.05', enum: ['all'] }],
  }),
  ...options({ source: src('nixos/modules/i18n/input-method/default.nix'), unverified: UNREAD, prefix: 'i18n.inputMethod' }, {
    enabled: ['nullOr enum', null, { until: '24.11', enum: ['ibus', 'fcitx5', 'nabi', 'uim', 'hime', 'kime'] }],
    enable: ['bool', false, { from: '24.11' }],
    type: ['nullOr enum', null, { from: '24.11', enum: ['ibus', 'fcitx5', 'nabi', 'uim', 'hime', 'kime'] }],
    'fcitx5.addons': ['listOf package', []],
    'ibus.engines': ['listOf package', []],
  }),
  ...options({ source: src('nixos/modules/config/console.nix'), unverified: UNREAD, prefix: 'console' }, {
    enable: ['bool', true],
    keyMap: ['either str path', 'us'],
    font: ['nullOr either str path', null],
    colors: ['listOf str', []],
    packages: ['listOf package', []],
    useXkbConfig: ['bool', false],
    earlySetup: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/config/locale.nix'), unverified: UNREAD, prefix: 'time' }, {
    timeZone: ['nullOr str', null],
    hardwareClockInLocalTime: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/config/fonts/packages.nix'), unverified: UNREAD, from: '23.11' }, {
    'fonts.packages': ['listOf package', []],
  }),
  ...options({ source: src('nixos/modules/config/fonts/fonts.nix'), unverified: UNREAD, until: '23.11' }, {
    'fonts.fonts': ['listOf package', []],
  }),
  // virtualisation
  ...options({ source: src('nixos/modules/virtualisation/libvirtd.nix'), unverified: UNREAD, prefix: 'virtualisation.libvirtd' }, {
    enable: ['bool', false],
    package: ['package', EXPR],
    onBoot: ['enum', 'start', { enum: ['start', 'ignore'] }],
    onShutdown: ['enum', 'suspend', { enum: ['shutdown', 'suspend'] }],
    allowedBridges: ['listOf str', ['virbr0']],
    'qemu.package': ['package', EXPR],
    'qemu.runAsRoot': ['bool', true],
    'qemu.ovmf.enable': ['bool', true, { until: '25.11', unverified: ['until'] }],
    'qemu.ovmf.packages': ['listOf package', EXPR, { until: '25.11', unverified: ['until'] }],
    'qemu.swtpm.enable': ['bool', false],
    'qemu.vhostUserPackages': ['listOf package', [], { from: '24.11' }],
  }),
  ...options({ source: src('nixos/modules/virtualisation/docker.nix'), unverified: UNREAD, prefix: 'virtualisation.docker' }, {
    enable: ['bool', false],
    package: ['package', EXPR],
    enableOnBoot: ['bool', true],
    storageDriver: ['nullOr enum', null, { enum: ['aufs', 'btrfs', 'devicemapper', 'overlay', 'overlay2', 'zfs'], unverified: ['enum'] }],
    logDriver: ['enum', 'journald', { enum: ['none', 'json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'etwlogs', 'gcplogs', 'local'], unverified: ['enum'] }],
    extraOptions: ['str', ''],
    'daemon.settings': ['attrsOf other', {}],
    'autoPrune.enable': ['bool', false],
    'autoPrune.dates': ['str', 'weekly'],
    'rootless.enable': ['bool', false],
    'rootless.setSocketVariable': ['bool', false],
    enableNvidia: ['bool', false, { until: '25.05', unverified: ['until'] }],
  }),
  ...options({ source: src('nixos/modules/virtualisation/podman/default.nix'), unverified: UNREAD, prefix: 'virtualisation.podman' }, {
    enable: ['bool', false],
    package: ['package', EXPR],
    dockerCompat: ['bool', false],
    'dockerSocket.enable': ['bool', false],
    'defaultNetwork.settings': ['attrsOf other', {}, { from: '23.05' }],
    'autoPrune.enable': ['bool', false, { from: '23.11' }],
    extraPackages: ['listOf package', []],
  }),
  ...options({ source: src('nixos/modules/virtualisation/containers.nix'), unverified: UNREAD }, {
    'virtualisation.containers.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/virtualisation/virtualbox-host.nix'), unverified: UNREAD, prefix: 'virtualisation.virtualbox.host' }, {
    enable: ['bool', false],
    enableExtensionPack: ['bool', false],
  }),
  ...options({ source: src('nixos/modules/virtualisation/waydroid.nix'), unverified: UNREAD }, {
    'virtualisation.waydroid.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/virtualisation/spice-usb-redirection.nix'), unverified: UNREAD }, {
    'virtualisation.spiceUSBRedirection.enable': ['bool', false],
  }),
];
