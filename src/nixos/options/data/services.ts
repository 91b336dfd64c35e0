import { EXPR, UNREAD, options, src } from '../dsl';

// power-profiles-daemon read at a 2024+ commit (lib.mkPackageOption).
const PPD = src('nixos/modules/services/hardware/power-profiles-daemon.nix', '3022f7ac2e8e18805cca52dc68599a3c5ad8afe9');

export const SERVICE_OPTIONS = [
  // Power.
  ...options({ source: src('nixos/modules/services/hardware/tlp.nix'), unverified: UNREAD, prefix: 'services.tlp' }, {
    enable: ['bool', false],
    settings: ['attrsOf either bool either int either float either str listOf str', {}],
    extraConfig: ['str', ''],
    'pd.enable': ['bool', false, { from: '25.11' }],
  }),
  ...options({ source: PPD, prefix: 'services.power-profiles-daemon' }, {
    enable: ['bool', false],
    package: ['package', EXPR, { unverified: ['from'] }],
  }),
  // Read at a pre-22.05 commit (plain defaultText, no mdDoc): these four existed by 22.05.
  ...options({ source: src('nixos/modules/services/hardware/thermald.nix', '0fdab8d560461b8666d54342dac06718b9d1ecdd'), prefix: 'services.thermald' }, {
    enable: ['bool', false],
    debug: ['bool', false],
    configFile: ['nullOr path', null],
    package: ['package', EXPR],
  }),
  ...options({ source: src('nixos/modules/services/hardware/thermald.nix'), unverified: UNREAD, prefix: 'services.thermald' }, {
    ignoreCpuidCheck: ['bool', false, { from: '23.05' }],
  }),
  ...options({ source: src('nixos/modules/services/hardware/auto-cpufreq.nix'), unverified: UNREAD, prefix: 'services.auto-cpufreq' }, {
    enable: ['bool', false],
    settings: ['attrsOf other', {}, { from: '22.11' }],
  }),
  ...options({ source: src('nixos/modules/services/hardware/upower.nix'), unverified: UNREAD, prefix: 'services.upower' }, {
    enable: ['bool', false],
    percentageLow: ['int', 20],
    percentageCritical: ['int', 5],
    percentageAction: ['int', 2],
    criticalPowerAction: ['enum', 'HybridSleep', { enum: ['PowerOff', 'Hibernate', 'HybridSleep', 'Suspend', 'Ignore'], unverified: ['enum'] }],
  }),
  ...options({ source: src('nixos/modules/config/power-management.nix'), unverified: UNREAD, prefix: 'powerManagement' }, {
    enable: ['bool', true],
    resumeCommands: ['str', ''],
    powerUpCommands: ['str', ''],
    powerDownCommands: ['str', ''],
  }),
  ...options({ source: src('nixos/modules/tasks/cpu-freq.nix'), unverified: UNREAD, prefix: 'powerManagement' }, {
    cpuFreqGovernor: ['nullOr str', null],
    'cpufreq.max': ['nullOr int', null],
    'cpufreq.min': ['nullOr int', null],
  }),
  ...options({ source: src('nixos/modules/tasks/powertop.nix'), unverified: UNREAD }, {
    'powerManagement.powertop.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/tasks/scsi-link-power-management.nix'), unverified: UNREAD }, {
    'powerManagement.scsiLinkPolicy': ['nullOr enum', null, { enum: ['min_power', 'max_performance', 'medium_power', 'med_power_with_dipm'] }],
  }),
  ...options({ source: src('nixos/modules/services/logging/logind.nix'), unverified: UNREAD, prefix: 'services.logind', until: '25.11' }, {
    lidSwitch: ['enum', 'suspend', { enum: ['ignore', 'poweroff', 'reboot', 'halt', 'kexec', 'suspend', 'hibernate', 'hybrid-sleep', 'suspend-then-hibernate', 'lock'] }],
    lidSwitchExternalPower: ['enum', EXPR, { enum: ['ignore', 'poweroff', 'reboot', 'halt', 'kexec', 'suspend', 'hibernate', 'hybrid-sleep', 'suspend-then-hibernate', 'lock'] }],
    lidSwitchDocked: ['enum', 'ignore', { enum: ['ignore', 'poweroff', 'reboot', 'halt', 'kexec', 'suspend', 'hibernate', 'hybrid-sleep', 'suspend-then-hibernate', 'lock'] }],
    extraConfig: ['str', ''],
  }),
  ...options({ source: src('nixos/modules/system/boot/systemd/logind.nix'), unverified: UNREAD, from: '25.11' }, {
    'services.logind.settings.Login': ['attrsOf other', {}],
  }),
  // Often toggled alongside.
  ...options({ source: src('nixos/modules/services/networking/ssh/sshd.nix'), unverified: UNREAD, prefix: 'services.openssh' }, {
    enable: ['bool', false],
    ports: ['listOf int', [22]],
    openFirewall: ['bool', true],
    'settings.PasswordAuthentication': ['bool', true, { from: '23.05' }],
    'settings.PermitRootLogin': ['enum', 'prohibit-password', { from: '23.05', enum: ['yes', 'without-password', 'prohibit-password', 'forced-commands-only', 'no'] }],
    passwordAuthentication: ['bool', true, { until: '23.05' }],
    permitRootLogin: ['enum', 'prohibit-password', { until: '23.05', enum: ['yes', 'without-password', 'prohibit-password', 'forced-commands-only', 'no'] }],
  }),
  ...options({ source: src('nixos/modules/services/printing/cupsd.nix'), unverified: UNREAD }, {
    'services.printing.enable': ['bool', false],
    'services.printing.drivers': ['listOf package', []],
  }),
  ...options({ source: src('nixos/modules/services/networking/avahi-daemon.nix'), unverified: UNREAD }, {
    'services.avahi.enable': ['bool', false],
    'services.avahi.nssmdns4': ['bool', false, { from: '23.11' }],
    'services.avahi.nssmdns': ['bool', false, { until: '23.11' }],
  }),
  ...options({ source: src('nixos/modules/services/desktops/flatpak.nix'), unverified: UNREAD }, {
    'services.flatpak.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/services/desktops/gnome/gnome-keyring.nix'), unverified: UNREAD, from: '23.11' }, {
    'services.gnome.gnome-keyring.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/services/misc/ollama.nix'), unverified: UNREAD, from: '24.05' }, {
    'services.ollama.enable': ['bool', false],
    'services.ollama.acceleration': ['nullOr enum', null, { enum: [false, 'rocm', 'cuda'] }],
  }),
  ...options({ source: src('nixos/modules/services/ttys/getty.nix'), unverified: UNREAD }, {
    'services.getty.autologinUser': ['nullOr str', null],
  }),
];
