import type { Release } from '../../../model/types';
import { EXPR, UNREAD, options, src, type Row } from '../dsl';
import type { OptionFact } from '../types';

const XSERVER = src('nixos/modules/services/x11/xserver.nix');
const DM_OLD = src('nixos/modules/services/x11/display-managers/default.nix');
const DM_NEW = src('nixos/modules/services/display-managers/default.nix');
const LIBINPUT = src('nixos/modules/services/hardware/libinput.nix');

/** A desktop or display manager module: `<prefix>.enable` and friends, present in a release range. */
function module(file: string, prefix: string, from: Release, until: Release | undefined, rows: Record<string, Row>): OptionFact[] {
  return options({ source: src(file), unverified: UNREAD, prefix, from, until }, rows);
}
const enable: Record<string, Row> = { enable: ['bool', false] };

export const DESKTOP_OPTIONS = [
  ...options({ source: XSERVER, unverified: UNREAD, prefix: 'services.xserver' }, {
    enable: ['bool', false],
    autorun: ['bool', true],
    exportConfiguration: ['bool', false],
    excludePackages: ['listOf package', []],
    dpi: ['nullOr int', null],
    updateDbusEnvironment: ['bool', false],
    enableTearFree: ['bool', false, { from: '23.11' }],
    screenSection: ['str', ''],
    deviceSection: ['str', ''],
    serverLayoutSection: ['str', ''],
    extraConfig: ['str', ''],
    config: ['str', EXPR],
    'xkb.layout': ['str', 'us', { from: '23.11' }],
    'xkb.variant': ['str', '', { from: '23.11' }],
    'xkb.options': ['str', 'terminate:ctrl_alt_bksp', { from: '23.11' }],
    'xkb.model': ['str', 'pc104', { from: '23.11' }],
    layout: ['str', 'us', { until: '23.11' }],
    xkbVariant: ['str', '', { until: '23.11' }],
    xkbOptions: ['str', 'terminate:ctrl_alt_bksp', { until: '23.11' }],
    xkbModel: ['str', 'pc104', { until: '23.11' }],
  }),
  ...options({ source: XSERVER, unverified: UNREAD, until: '24.05' }, {
    'services.xserver.libinput.enable': ['bool', EXPR],
  }),
  ...options({ source: LIBINPUT, unverified: UNREAD, from: '24.05', prefix: 'services.libinput' }, {
    enable: ['bool', EXPR],
    'touchpad.naturalScrolling': ['bool', false],
    'touchpad.tapping': ['bool', true],
    'touchpad.disableWhileTyping': ['bool', false],
    'mouse.accelProfile': ['enum', 'adaptive', { enum: ['flat', 'adaptive', 'custom'] }],
  }),
  // Display managers, old and new places (release ranges from docs/release-facts.md §1).
  ...options({ source: DM_OLD, unverified: UNREAD, prefix: 'services.xserver.displayManager', until: '24.05' }, {
    defaultSession: ['nullOr str', null],
    'autoLogin.enable': ['bool', false],
    'autoLogin.user': ['nullOr str', null],
    hiddenUsers: ['listOf str', ['nobody']],
    sessionPackages: ['listOf package', []],
  }),
  ...options({ source: DM_NEW, unverified: UNREAD, prefix: 'services.displayManager', from: '24.05' }, {
    enable: ['bool', false],
    defaultSession: ['nullOr str', null],
    'autoLogin.enable': ['bool', false],
    'autoLogin.user': ['nullOr str', null],
    hiddenUsers: ['listOf str', ['nobody']],
    sessionPackages: ['listOf package', []],
  }),
  ...options({ source: DM_OLD, unverified: UNREAD, prefix: 'services.xserver.displayManager' }, {
    setupCommands: ['str', ''],
    sessionCommands: ['str', ''],
    'startx.enable': ['bool', false],
  }),
  ...module('nixos/modules/services/x11/display-managers/sddm.nix', 'services.xserver.displayManager.sddm', '22.05', '24.05', {
    enable: ['bool', false],
    theme: ['str', ''],
    autoNumlock: ['bool', false],
    settings: ['attrsOf attrsOf other', {}],
    'wayland.enable': ['bool', false, { from: '23.11' }],
  }),
  ...module('nixos/modules/services/display-managers/sddm.nix', 'services.displayManager.sddm', '24.05', undefined, {
    enable: ['bool', false],
    package: ['package', EXPR],
    theme: ['str', ''],
    autoNumlock: ['bool', false],
    settings: ['attrsOf attrsOf other', {}],
    extraPackages: ['listOf package', []],
    'wayland.enable': ['bool', false],
    'wayland.compositor': ['enum', 'weston', { enum: ['kwin', 'weston'] }],
    'autoLogin.relogin': ['bool', false],
  }),
  ...module('nixos/modules/services/x11/display-managers/gdm.nix', 'services.xserver.displayManager.gdm', '22.05', '25.11', {
    enable: ['bool', false],
    wayland: ['bool', true],
    autoSuspend: ['bool', true],
    banner: ['nullOr str', null],
    settings: ['attrsOf attrsOf other', {}],
    debug: ['bool', false],
    'autoLogin.delay': ['int', 0],
  }),
  ...module('nixos/modules/services/display-managers/gdm.nix', 'services.displayManager.gdm', '25.11', undefined, {
    enable: ['bool', false],
    wayland: ['bool', true],
    autoSuspend: ['bool', true],
    banner: ['nullOr str', null],
    settings: ['attrsOf attrsOf other', {}],
    debug: ['bool', false],
    'autoLogin.delay': ['int', 0],
  }),
  ...module('nixos/modules/services/x11/display-managers/lightdm.nix', 'services.xserver.displayManager.lightdm', '22.05', undefined, {
    enable: ['bool', false],
    background: ['either path str', EXPR],
    'greeters.gtk.enable': ['bool', true],
    'greeters.slick.enable': ['bool', false],
    extraConfig: ['str', ''],
  }),
  ...module('nixos/modules/services/display-managers/ly.nix', 'services.displayManager.ly', '24.11', undefined, {
    enable: ['bool', false],
    settings: ['attrsOf other', {}],
  }),
  ...module('nixos/modules/services/display-managers/cosmic-greeter.nix', 'services.displayManager.cosmic-greeter', '25.05', undefined, enable),
  ...module('nixos/modules/services/display-managers/greetd.nix', 'services.greetd', '22.05', undefined, {
    enable: ['bool', false],
    settings: ['attrsOf other', EXPR],
    vt: ['int', 1],
    restart: ['bool', EXPR],
  }),
  // Desktop managers.
  ...module('nixos/modules/services/x11/desktop-managers/plasma5.nix', 'services.xserver.desktopManager.plasma5', '22.05', '25.11', {
    enable: ['bool', false],
    phononBackend: ['enum', 'gstreamer', { enum: ['gstreamer', 'vlc'] }],
    useQtScaling: ['bool', false],
    runUsingSystemd: ['bool', true],
    notoPackage: ['package', EXPR],
    'bigscreen.enable': ['bool', false],
    'mobile.enable': ['bool', false],
  }),
  ...module('nixos/modules/services/desktop-managers/plasma6.nix', 'services.desktopManager.plasma6', '24.05', undefined, {
    enable: ['bool', false],
    enableQt5Integration: ['bool', true],
    notoPackage: ['package', EXPR],
  }),
  ...module('nixos/modules/services/x11/desktop-managers/gnome.nix', 'services.xserver.desktopManager.gnome', '22.05', '25.11', {
    enable: ['bool', false],
    debug: ['bool', false],
    sessionPath: ['listOf package', []],
    extraGSettingsOverrides: ['str', ''],
    extraGSettingsOverridePackages: ['listOf path', []],
    'flashback.enableMetacity': ['bool', false],
  }),
  ...module('nixos/modules/services/desktop-managers/gnome.nix', 'services.desktopManager.gnome', '25.11', undefined, {
    enable: ['bool', false],
    debug: ['bool', false],
    sessionPath: ['listOf package', []],
    extraGSettingsOverrides: ['str', ''],
    extraGSettingsOverridePackages: ['listOf path', []],
  }),
  ...module('nixos/modules/services/x11/desktop-managers/pantheon.nix', 'services.xserver.desktopManager.pantheon', '22.05', '25.11', {
    enable: ['bool', false],
    sessionPath: ['listOf package', []],
    extraWingpanelIndicators: ['nullOr listOf package', null],
    extraSwitchboardPlugs: ['nullOr listOf package', null],
  }),
  ...module('nixos/modules/services/desktop-managers/pantheon.nix', 'services.desktopManager.pantheon', '25.11', undefined, {
    enable: ['bool', false],
    sessionPath: ['listOf package', []],
    extraWingpanelIndicators: ['nullOr listOf package', null],
    extraSwitchboardPlugs: ['nullOr listOf package', null],
  }),
  ...module('nixos/modules/services/x11/desktop-managers/budgie.nix', 'services.xserver.desktopManager.budgie', '23.05', '26.05', {
    enable: ['bool', false],
    sessionPath: ['listOf package', []],
    extraPlugins: ['listOf package', []],
  }),
  ...module('nixos/modules/services/desktop-managers/budgie.nix', 'services.desktopManager.budgie', '26.05', undefined, {
    enable: ['bool', false],
    sessionPath: ['listOf package', []],
    extraPlugins: ['listOf package', []],
  }),
  ...module('nixos/modules/services/x11/desktop-managers/deepin.nix', 'services.xserver.desktopManager.deepin', '23.05', '25.11', enable),
  ...module('nixos/modules/services/desktop-managers/cosmic.nix', 'services.desktopManager.cosmic', '25.05', undefined, {
    enable: ['bool', false],
    xwayland: ['bool', true, { from: '25.11' }],
  }),
  ...module('nixos/modules/services/x11/desktop-managers/xfce.nix', 'services.xserver.desktopManager.xfce', '22.05', undefined, {
    enable: ['bool', false],
    noDesktop: ['bool', false],
    enableXfwm: ['bool', true],
    enableScreensaver: ['bool', true],
    enableWaylandSession: ['bool', false, { from: '25.05' }],
  }),
  ...module('nixos/modules/services/x11/desktop-managers/cinnamon.nix', 'services.xserver.desktopManager.cinnamon', '22.05', undefined, {
    enable: ['bool', false],
    sessionPath: ['listOf package', []],
    extraGSettingsOverrides: ['str', ''],
  }),
  ...module('nixos/modules/services/x11/desktop-managers/mate.nix', 'services.xserver.desktopManager.mate', '22.05', undefined, {
    enable: ['bool', false],
    debug: ['bool', false],
    enableWaylandSession: ['bool', false, { from: '24.11' }],
  }),
  ...module('nixos/modules/services/x11/desktop-managers/lxqt.nix', 'services.xserver.desktopManager.lxqt', '22.05', undefined, enable),
  ...module('nixos/modules/services/x11/desktop-managers/enlightenment.nix', 'services.xserver.desktopManager.enlightenment', '22.05', undefined, enable),
  ...module('nixos/modules/services/x11/window-managers/i3.nix', 'services.xserver.windowManager.i3', '22.05', undefined, {
    enable: ['bool', false],
    package: ['package', EXPR],
    configFile: ['nullOr path', null],
    extraPackages: ['listOf package', EXPR],
    extraSessionCommands: ['str', ''],
  }),
];
