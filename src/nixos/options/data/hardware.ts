import { EXPR, UNREAD, options, src } from '../dsl';

const NVIDIA = src('nixos/modules/hardware/video/nvidia.nix');
const GRAPHICS = src('nixos/modules/hardware/graphics.nix');
const OPENGL = src('nixos/modules/hardware/opengl.nix');
const BLUETOOTH = src('nixos/modules/services/hardware/bluetooth.nix');
const FIRMWARE = src('nixos/modules/hardware/all-firmware.nix');
const AMDGPU = src('nixos/modules/hardware/amdgpu.nix');
const XSERVER = src('nixos/modules/services/x11/xserver.nix');

export const HARDWARE_OPTIONS = [
  ...options({ source: NVIDIA, unverified: UNREAD, prefix: 'hardware.nvidia' }, {
    package: ['package', EXPR],
    'modesetting.enable': ['bool', false, { unverified: ['default'] }],
    'powerManagement.enable': ['bool', false],
    'powerManagement.finegrained': ['bool', false],
    nvidiaSettings: ['bool', true],
    nvidiaPersistenced: ['bool', false],
    forceFullCompositionPipeline: ['bool', false],
    open: ['nullOr bool', false, { from: '22.11', unverified: ['default'] }],
    'prime.sync.enable': ['bool', false],
    'prime.offload.enable': ['bool', false],
    'prime.offload.enableOffloadCmd': ['bool', false, { from: '23.05' }],
    'prime.reverseSync.enable': ['bool', false, { from: '23.05' }],
    'prime.allowExternalGpu': ['bool', false, { from: '23.05' }],
    'prime.sync.allowExternalGpu': ['bool', false, { until: '23.05' }],
    'prime.nvidiaBusId': ['str', ''],
    'prime.intelBusId': ['str', ''],
    'prime.amdgpuBusId': ['str', ''],
    'datacenter.enable': ['bool', false, { from: '23.11' }],
    'dynamicBoost.enable': ['bool', false, { from: '23.11' }],
    'gsp.enable': ['bool', EXPR, { from: '24.05' }],
    videoAcceleration: ['bool', true, { from: '24.11' }],
    branch: ['enum', EXPR, { from: '26.05', enum: ['production', 'new_feature', 'beta', 'stable', 'latest', 'bleeding_edge', 'legacy_580', 'vulkan_beta'] }],
    moduleParams: ['attrsOf other', {}, { from: '26.05' }],
  }),
  ...options({ source: XSERVER, unverified: UNREAD }, {
    'services.xserver.videoDrivers': ['listOf str', EXPR],
  }),
  ...options({ source: GRAPHICS, unverified: UNREAD, prefix: 'hardware.graphics', from: '24.11' }, {
    enable: ['bool', false],
    enable32Bit: ['bool', false],
    package: ['package', EXPR],
    package32: ['package', EXPR],
    extraPackages: ['listOf package', []],
    extraPackages32: ['listOf package', []],
  }),
  ...options({ source: OPENGL, unverified: UNREAD, prefix: 'hardware.opengl', until: '24.11' }, {
    enable: ['bool', false],
    driSupport: ['bool', true],
    driSupport32Bit: ['bool', false],
    package: ['package', EXPR],
    package32: ['package', EXPR],
    extraPackages: ['listOf package', []],
    extraPackages32: ['listOf package', []],
    setLdLibraryPath: ['bool', false],
  }),
  ...options({ source: BLUETOOTH, unverified: UNREAD, prefix: 'hardware.bluetooth' }, {
    enable: ['bool', false],
    powerOnBoot: ['bool', true],
    package: ['package', EXPR],
    hsphfpd: ['bool', false, { until: '25.05', unverified: ['until'] }],
    settings: ['attrsOf attrsOf other', {}],
    disabledPlugins: ['listOf str', []],
    input: ['attrsOf attrsOf other', {}, { from: '23.05' }],
    network: ['attrsOf attrsOf other', {}, { from: '23.05' }],
  }),
  ...options({ source: FIRMWARE, unverified: UNREAD }, {
    'hardware.enableRedistributableFirmware': ['bool', false],
    'hardware.enableAllFirmware': ['bool', false],
    'hardware.wirelessRegulatoryDatabase': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/services/hardware/udev.nix'), unverified: UNREAD }, {
    'hardware.firmware': ['listOf package', []],
  }),
  ...options({ source: src('nixos/modules/hardware/cpu/intel-microcode.nix'), unverified: UNREAD }, {
    'hardware.cpu.intel.updateMicrocode': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/hardware/cpu/amd-microcode.nix'), unverified: UNREAD }, {
    'hardware.cpu.amd.updateMicrocode': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/hardware/cpu/amd-ryzen-smu.nix'), unverified: UNREAD }, {
    'hardware.cpu.amd.ryzen-smu.enable': ['bool', false, { from: '24.05' }],
  }),
  ...options({ source: src('nixos/modules/hardware/cpu/x86-msr.nix'), unverified: UNREAD }, {
    'hardware.cpu.x86.msr.enable': ['bool', false, { from: '23.05' }],
  }),
  ...options({ source: AMDGPU, unverified: UNREAD, prefix: 'hardware.amdgpu', from: '24.05' }, {
    'initrd.enable': ['bool', EXPR],
    'opencl.enable': ['bool', false],
    'legacySupport.enable': ['bool', false],
    'amdvlk.enable': ['bool', false, { from: '24.11', until: '25.11' }],
    'overdrive.enable': ['bool', false, { from: '24.11' }],
  }),
  ...options({ source: src('nixos/modules/services/hardware/bolt.nix'), unverified: UNREAD }, {
    'services.hardware.bolt.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/services/hardware/fwupd.nix'), unverified: UNREAD }, {
    'services.fwupd.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/config/pulseaudio.nix'), unverified: UNREAD, until: '25.05' }, {
    'hardware.pulseaudio.enable': ['bool', false],
    'hardware.pulseaudio.support32Bit': ['bool', false],
    'hardware.pulseaudio.package': ['package', EXPR],
  }),
  ...options({ source: src('nixos/modules/services/audio/pulseaudio.nix'), unverified: UNREAD, from: '25.05' }, {
    'services.pulseaudio.enable': ['bool', false],
    'services.pulseaudio.support32Bit': ['bool', false],
    'services.pulseaudio.package': ['package', EXPR],
  }),
  ...options({ source: src('nixos/modules/services/desktops/pipewire/pipewire.nix'), unverified: UNREAD, prefix: 'services.pipewire' }, {
    enable: ['bool', false],
    'alsa.enable': ['bool', false],
    'alsa.support32Bit': ['bool', false],
    'pulse.enable': ['bool', false],
    'jack.enable': ['bool', false],
    'wireplumber.enable': ['bool', EXPR],
  }),
  ...options({ source: src('nixos/modules/services/hardware/nvidia-container-toolkit/default.nix'), unverified: UNREAD }, {
    'hardware.nvidia-container-toolkit.enable': ['bool', false, { from: '24.05' }],
  }),
  ...options({ source: src('nixos/modules/hardware/steam-hardware.nix'), unverified: UNREAD }, {
    'hardware.steam-hardware.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/hardware/xone.nix'), unverified: UNREAD }, {
    'hardware.xone.enable': ['bool', false],
  }),
  ...options({ source: src('nixos/modules/hardware/sensor/iio.nix'), unverified: UNREAD }, {
    'hardware.sensor.iio.enable': ['bool', false],
  }),
];
