/**
 * Fields the user has just added (a new user's), whose messages wait for the first edit or blur: "a user needs a
 * name" under a name field that appeared a moment ago says nothing the user could have avoided. The problems
 * list shows them from the start. Marks are model path prefixes (`specialisations[0].users[2]`); the section that
 * set them clears them when it goes (so a field drawn again later shows its messages at once).
 */
const marks = new Set<string>();

export function markFresh(prefix: string): void {
  marks.add(prefix);
}

export function clearFresh(prefix: string): void {
  for (const m of marks) if (m === prefix || m.startsWith(`${prefix}.`) || m.startsWith(`${prefix}[`)) marks.delete(m);
}

/** Whether a field at `path` belongs to something just added. */
export function isFresh(path: string): boolean {
  for (const m of marks) if (path === m || path.startsWith(`${m}.`) || path.startsWith(`${m}[`)) return true;
  return false;
}
