import { EXPR, NONE, UNREAD, options, src } from '../dsl';

// Read in a stored copy from before 22.05 (literalExample, DocBook text): these options existed by 22.05.
const KERNEL = src('nixos/modules/system/boot/kernel.nix', '045d702e8af1aabdceb93e3d273ac8fb027fe68e');
const KERNEL_UNREAD = src('nixos/modules/system/boot/kernel.nix');
const MODPROBE = src('nixos/modules/system/boot/modprobe.nix');
const SYSTEMD_BOOT = src('nixos/modules/system/boot/loader/systemd-boot/systemd-boot.nix');
const LOADER = src('nixos/modules/system/boot/loader/loader.nix');
const EFI = src('nixos/modules/system/boot/loader/efi.nix');
const GRUB = src('nixos/modules/system/boot/loader/grub/grub.nix');
const STAGE1 = src('nixos/modules/system/boot/stage-1.nix');
const INITRD_SYSTEMD = src('nixos/modules/system/boot/systemd/initrd.nix');
const LUKS = src('nixos/modules/system/boot/luksroot.nix');
const PLYMOUTH = src('nixos/modules/system/boot/plymouth.nix');
const TMP = src('nixos/modules/system/boot/tmp.nix');
const SYSCTL = src('nixos/modules/config/sysctl.nix');
const BINFMT = src('nixos/modules/system/boot/binfmt.nix');

export const BOOT_OPTIONS = [
  ...options({ source: KERNEL }, {
    'boot.kernelPackages': ['other', EXPR],
    'boot.kernelPatches': ['listOf attrs', []],
    'boot.kernelParams': ['listOf str', []],
    'boot.consoleLogLevel': ['int', 4],
    'boot.vesa': ['bool', false, { until: 'unstable', unverified: ['until'] }],
    'boot.extraModulePackages': ['listOf package', []],
    'boot.kernelModules': ['listOf str', []],
    'boot.initrd.availableKernelModules': ['listOf str', []],
    'boot.initrd.kernelModules': ['listOf str', []],
    'boot.kernel.randstructSeed': ['str', ''],
  }),
  ...options({ source: KERNEL_UNREAD, unverified: UNREAD }, {
    'boot.kernel.features': ['attrs', {}],
    'boot.initrd.includeDefaultModules': ['bool', true],
  }),
  ...options({ source: MODPROBE, unverified: UNREAD }, {
    'boot.blacklistedKernelModules': ['listOf str', []],
    'boot.extraModprobeConfig': ['str', ''],
  }),
  ...options({ source: SYSCTL, unverified: UNREAD }, {
    'boot.kernel.sysctl': ['attrsOf other', {}],
  }),
  ...options({ source: BINFMT, unverified: UNREAD }, {
    'boot.binfmt.emulatedSystems': ['listOf str', []],
  }),
  ...options({ source: LOADER, unverified: UNREAD }, {
    'boot.loader.timeout': ['nullOr int', 5],
  }),
  ...options({ source: EFI, unverified: UNREAD }, {
    'boot.loader.efi.canTouchEfiVariables': ['bool', false],
    'boot.loader.efi.efiSysMountPoint': ['str', '/boot'],
  }),
  ...options({ source: SYSTEMD_BOOT, unverified: UNREAD, prefix: 'boot.loader.systemd-boot' }, {
    enable: ['bool', false],
    editor: ['bool', true],
    configurationLimit: ['nullOr int', null],
    consoleMode: ['enum', 'keep', { enum: ['0', '1', '2', '5', 'auto', 'max', 'keep'] }],
    graceful: ['bool', false],
    'memtest86.enable': ['bool', false],
    'netbootxyz.enable': ['bool', false],
    extraEntries: ['attrsOf str', {}],
    extraFiles: ['attrsOf path', {}],
    extraInstallCommands: ['str', ''],
    xbootldrMountPoint: ['nullOr str', null, { from: '23.11' }],
    sortKey: ['str', 'nixos', { from: '24.05' }],
    installDeviceTree: ['bool', EXPR, { from: '24.11' }],
    'edk2-uefi-shell.enable': ['bool', false, { from: '25.05' }],
    windows: ['attrsOf submodule', {}, { from: '25.05' }],
  }),
  ...options({ source: GRUB, unverified: UNREAD, prefix: 'boot.loader.grub' }, {
    enable: ['bool', EXPR],
    device: ['str', ''],
    devices: ['listOf str', []],
    efiSupport: ['bool', false],
    efiInstallAsRemovable: ['bool', false],
    useOSProber: ['bool', false],
    configurationName: ['str', ''],
    configurationLimit: ['int', 100],
    default: ['either int str', '0'],
    extraEntries: ['str', ''],
    extraConfig: ['str', ''],
    extraEntriesBeforeNixOS: ['bool', false],
    theme: ['nullOr path', null],
    splashImage: ['nullOr path', EXPR],
    backgroundColor: ['nullOr str', null],
    font: ['nullOr path', EXPR],
    fontSize: ['nullOr int', null],
    gfxmodeEfi: ['str', 'auto'],
    gfxmodeBios: ['str', '1024x768'],
    gfxpayloadEfi: ['str', 'keep'],
    gfxpayloadBios: ['str', 'text'],
    enableCryptodisk: ['bool', false],
    zfsSupport: ['bool', false],
    copyKernels: ['bool', false],
    'memtest86.enable': ['bool', false],
    timeoutStyle: ['enum', 'menu', { enum: ['menu', 'countdown', 'hidden'] }],
    version: ['enum', 2, { enum: [1, 2], until: '23.05' }],
  }),
  ...options({ source: STAGE1, unverified: UNREAD, prefix: 'boot.initrd' }, {
    enable: ['bool', EXPR],
    verbose: ['bool', true],
    compressor: ['either str function', EXPR],
    compressorArgs: ['nullOr listOf str', null],
    supportedFilesystems: ['either listOf str attrsOf bool', [], { unverified: ['type'] }],
    preLVMCommands: ['str', ''],
    postDeviceCommands: ['str', ''],
    postMountCommands: ['str', ''],
    prepend: ['listOf str', []],
    secrets: ['attrsOf nullOr path', {}],
    checkJournalingFS: ['bool', true],
    'network.enable': ['bool', false],
  }),
  ...options({ source: INITRD_SYSTEMD, unverified: UNREAD, prefix: 'boot.initrd.systemd' }, {
    enable: ['bool', false, { unverified: ['default'] }],
    emergencyAccess: ['either bool str', false],
    'tpm2.enable': ['bool', EXPR, { from: '24.05' }],
  }),
  ...options({ source: LUKS, unverified: UNREAD, prefix: 'boot.initrd.luks' }, {
    devices: ['attrsOf submodule', {}],
    'devices.<name>.device': ['str', NONE],
    'devices.<name>.keyFile': ['nullOr str', null],
    'devices.<name>.allowDiscards': ['bool', false],
    'devices.<name>.bypassWorkqueues': ['bool', false],
    'devices.<name>.preLVM': ['bool', true],
    'devices.<name>.crypttabExtraOpts': ['listOf str', []],
    'devices.<name>.fallbackToPassword': ['bool', false],
  }),
  ...options({ source: PLYMOUTH, unverified: UNREAD, prefix: 'boot.plymouth' }, {
    enable: ['bool', false],
    theme: ['str', 'bgrt'],
    themePackages: ['listOf package', EXPR],
    logo: ['path', EXPR],
    font: ['path', EXPR],
    extraConfig: ['str', ''],
    'tpm2-totp.enable': ['bool', false, { from: '24.05' }],
  }),
  ...options({ source: TMP, unverified: UNREAD, prefix: 'boot.tmp', from: '23.05' }, {
    cleanOnBoot: ['bool', false],
    useTmpfs: ['bool', false],
    tmpfsSize: ['either str int', '50%'],
    useZram: ['bool', false, { from: '25.05' }],
  }),
  ...options({ source: TMP, unverified: UNREAD, until: '23.05' }, {
    'boot.cleanTmpDir': ['bool', false],
    'boot.tmpOnTmpfs': ['bool', false],
    'boot.tmpOnTmpfsSize': ['either str int', '50%'],
  }),
  ...options({ source: STAGE1, unverified: UNREAD }, {
    'boot.resumeDevice': ['str', ''],
  }),
];
