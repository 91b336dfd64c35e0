/** A DOM id from a model path: `specialisations[0].users[1].uid` → `f-specialisations-0-users-1-uid`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}
