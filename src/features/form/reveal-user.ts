/**
 * A long users list shows only the users near the screen (see users-section.tsx). Before a field of
 * another user is focused (a click in the preview, a problem picked in the list), the list is asked
 * to show that user: the request waits here until the list renders, and the list reads it then.
 */
export interface UserRequest {
  si: number;
  ui: number;
}

let request: UserRequest | null = null;
const listeners = new Set<() => void>();

const USER_PATH = /^specialisations\[(\d+)\]\.users\[(\d+)\]/;

/** Asks the users list to show the user a field path belongs to; other paths ask nothing. */
export function revealUserOf(path: string): void {
  const m = USER_PATH.exec(path);
  if (!m) return;
  request = { si: Number(m[1]), ui: Number(m[2]) };
  for (const listener of listeners) listener();
}

export function userRequest(): UserRequest | null {
  return request;
}

export function subscribeUserRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
