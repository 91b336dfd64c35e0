/** A DOM id from a model path: `specialisations[0].users[1].uid` → `f-specialisations-0-users-1-uid`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

/**
 * Whether a diagnostic belongs to a field: exactly its path, or for a list field one of its items
 * (`…tags` owns `…tags[2]`).
 */
export function belongsTo(diagnosticPath: string, fieldPath: string, list: boolean): boolean {
  return diagnosticPath === fieldPath || (list && diagnosticPath.startsWith(`${fieldPath}[`));
}
