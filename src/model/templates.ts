import { defaultDesktop, defaultGpu, defaultKernel, defaultSpecialisation, defaultUser } from './defaults';
import { blankName, freeName } from './operations';
import { DEFAULT_RELEASE, type Project, type Release, type Specialisation, type User } from './types';

export interface Template {
  id: 'chani-paul' | 'egpu-offload' | 'kernel-test' | 'work-personal';
  title: string;
  /** One sentence shown under the title. */
  summary: string;
  /** The specialisations it adds, written for `TEMPLATE_RELEASE`; src/nixos/migrate.ts adapts them to others. */
  specialisations: () => Specialisation[];
}

/** The release the templates are written for. */
export const TEMPLATE_RELEASE: Release = DEFAULT_RELEASE;

const user = (name: string, uid: number, fields: Partial<User> = {}): User => ({
  ...defaultUser(name),
  uid,
  ...fields,
});

const spec = (name: string, fields: Partial<Specialisation>): Specialisation => ({
  ...defaultSpecialisation(name),
  ...fields,
});

export const TEMPLATES: readonly Template[] = [
  {
    id: 'chani-paul',
    title: 'Chani and Paul',
    summary: 'The blog example: one boot entry per person, Plasma with autologin for chani, GNOME for paul.',
    specialisations: () => [
      spec('chani', {
        tags: ['chani'],
        users: [user('chani', 1001, { extraGroups: ['networkmanager', 'video'] })],
        desktop: { ...defaultDesktop(), environment: 'plasma6', autoLogin: 'chani' },
      }),
      spec('paul', {
        tags: ['paul'],
        users: [user('paul', 1002, { extraGroups: ['networkmanager', 'video'] })],
        desktop: { ...defaultDesktop(), environment: 'gnome', autoLogin: 'paul' },
        packages: ['dune-release'],
      }),
    ],
  },
  {
    id: 'egpu-offload',
    title: 'eGPU offload',
    summary: 'An NVIDIA card in a Thunderbolt enclosure, used through PRIME offload; fill in your bus IDs.',
    specialisations: () => [
      spec('egpu', {
        tags: ['egpu', 'nvidia'],
        gpu: {
          ...defaultGpu(),
          mode: 'nvidia-offload',
          nvidiaBusId: 'PCI:10:0:0',
          intelBusId: 'PCI:0:2:0',
          openKernelModule: true,
          externalGpu: true,
          thunderbolt: true,
        },
        kernel: { ...defaultKernel(), blacklistedModules: ['nouveau'] },
        packages: ['nvtopPackages.full'],
      }),
    ],
  },
  {
    id: 'kernel-test',
    title: 'Kernel test',
    summary: 'Try the newest kernel in its own boot entry; your usual entry stays as the safe fallback.',
    specialisations: () => [
      spec('kernel-test', {
        tags: ['linux-latest', 'testing'],
        kernel: { ...defaultKernel(), packages: 'linuxPackages_latest' },
      }),
    ],
  },
  {
    id: 'work-personal',
    title: 'Work and personal',
    summary: 'Two entries for one person: a GNOME work setup and a Plasma personal one, each with its own apps.',
    specialisations: () => [
      spec('work', {
        tags: ['work'],
        users: [user('alex', 1010, { description: 'Alex (work)', extraGroups: ['wheel', 'video'], shell: 'zsh' })],
        desktop: { ...defaultDesktop(), environment: 'gnome', autoLogin: 'alex' },
        packages: ['slack', 'zoom-us', 'firefox'],
      }),
      spec('personal', {
        tags: ['personal'],
        users: [user('alex', 1010, { description: 'Alex', extraGroups: ['wheel', 'audio'], shell: 'fish' })],
        desktop: { ...defaultDesktop(), environment: 'plasma6', autoLogin: 'alex' },
        packages: ['steam', 'discord'],
      }),
    ],
  },
];

export function templateById(id: Template['id']): Template {
  const found = TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

/**
 * Appends specialisations, renaming those whose name the project (or an earlier one of them) already uses.
 * Returns the project and the indices of the added specialisations.
 */
export function addSpecialisations(p: Project, list: readonly Specialisation[]): { project: Project; added: number[] } {
  const taken = p.specialisations.map((s) => s.name);
  const added: Specialisation[] = [];
  for (const s of list) {
    const names = [...taken, ...added.map((a) => a.name)];
    added.push({ ...s, name: s.name ? freeName(names, s.name) : blankName(names) });
  }
  const start = p.specialisations.length;
  return {
    project: { ...p, specialisations: [...p.specialisations, ...added] },
    added: added.map((_, i) => start + i),
  };
}

/** Appends a template's specialisations as written for `TEMPLATE_RELEASE`. */
export function addTemplate(p: Project, id: Template['id']): { project: Project; added: number[] } {
  return addSpecialisations(p, templateById(id).specialisations());
}
