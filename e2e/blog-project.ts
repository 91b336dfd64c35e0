import { defaultDesktop, defaultProject, defaultSpecialisation, defaultUser } from '../src/model/defaults';
import type { Project } from '../src/model/types';

/**
 * The blog's example, written out field by field (not taken from the app's template) so the e2e tests
 * compare what the user built in the browser with an independent statement of what they meant.
 */
export function blogProject(): Project {
  return {
    ...defaultProject(),
    specialisations: [
      {
        ...defaultSpecialisation('chani'),
        tags: ['chani'],
        users: [{ ...defaultUser('chani'), uid: 1001, extraGroups: ['networkmanager', 'video'] }],
        desktop: { ...defaultDesktop(), environment: 'plasma6', autoLogin: 'chani' },
      },
      {
        ...defaultSpecialisation('paul'),
        tags: ['paul'],
        users: [{ ...defaultUser('paul'), uid: 1002, extraGroups: ['networkmanager', 'video'] }],
        desktop: { ...defaultDesktop(), environment: 'gnome', autoLogin: 'paul' },
        packages: ['dune-release'],
      },
    ],
  };
}
