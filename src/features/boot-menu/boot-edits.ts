import type { Project } from '../../model/types';

/**
 * Pure edits of the boot menu's settings, in the style of src/model/operations.ts; each returns the
 * same project when nothing changes.
 */

export function setBootOrder(p: Project, order: string[]): Project {
  return p.bootOrder.join('\n') === order.join('\n') && p.bootOrder.length === order.length ? p : { ...p, bootOrder: order };
}

export function setConfigurationName(p: Project, index: number, title: string | null): Project {
  const s = p.specialisations[index];
  if (!s || s.configurationName === title) return p;
  const specialisations = [...p.specialisations];
  specialisations[index] = { ...s, configurationName: title };
  return { ...p, specialisations };
}
