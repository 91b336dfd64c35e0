/**
 * A table's own entry for a key that comes from the user (a shell, a group, a kernel name):
 * `table[key]` would also find what every object inherits (`constructor`, `__proto__`,
 * `toString`), and the generator would write that function's text into the module.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
