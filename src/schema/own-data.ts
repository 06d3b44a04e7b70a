/**
 * Documents read as data, even on a page whose `Object.prototype` was polluted (a bug
 * elsewhere on it ran `Object.prototype.url = 'javascript:…'`, or a script added
 * enumerable helpers to every object):
 *
 * - `ownData` copies a parsed document into objects without a prototype, so a field the
 *   document leaves out reads as absent, never as the page's inherited value: for zod,
 *   for the reference checks, and for every element rendering the validated analysis.
 * - `shielded` runs zod with the page's enumerable additions hidden: zod walks its own
 *   tables with `for…in`, which lists inherited enumerable keys and then throws on them;
 *   the schema module hides them the same way while it builds its schemas.
 */

/** Makes Object.prototype's own enumerable properties non-enumerable; returns what to restore. */
export function hideEnumerables(): string[] {
  const hidden: string[] = [];
  for (const key of Object.keys(Object.prototype)) {
    try {
      // oxlint-disable-next-line no-extend-native -- this only hides the page's own additions, and restores them
      Object.defineProperty(Object.prototype, key, { enumerable: false });
      hidden.push(key);
    } catch {
      // Non-configurable: nothing we can do, and nothing we may change.
    }
  }
  return hidden;
}

export function restoreEnumerables(hidden: readonly string[]): void {
  // oxlint-disable-next-line no-extend-native -- puts back exactly what hideEnumerables hid
  for (const key of hidden) Object.defineProperty(Object.prototype, key, { enumerable: true });
}

/** Runs `run` (synchronous) with the page's enumerable Object.prototype additions hidden, then puts them back as they were. */
export function shielded<T>(run: () => T): T {
  const hidden = hideEnumerables();
  try {
    return run();
  } finally {
    restoreEnumerables(hidden);
  }
}

type Container = Record<string, unknown> | unknown[];

/**
 * A deep copy of a JSON-like value whose objects have no prototype (own enumerable fields
 * only; arrays stay arrays). Iterative, so a hostile 100,000-deep document cannot overflow
 * the stack; a cycle stays a cycle (the validator reports it like the original).
 */
export function ownData(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const copies = new Map<object, Container>();
  const pending: object[] = [];
  const copyOf = (field: unknown): unknown => {
    if (typeof field !== 'object' || field === null) return field;
    let copy = copies.get(field);
    if (!copy) {
      copy = Array.isArray(field) ? [] : (Object.create(null) as Record<string, unknown>);
      copies.set(field, copy);
      pending.push(field);
    }
    return copy;
  };
  const root = copyOf(value);
  while (pending.length > 0) {
    const original = pending.pop()!;
    const copy = copies.get(original)!;
    if (Array.isArray(original)) {
      for (let i = 0; i < original.length; i++) (copy as unknown[])[i] = copyOf(original[i]);
    } else {
      // Assigning is safe: with no prototype there is no `__proto__` setter, so a
      // "__proto__" key from JSON stays a plain key.
      for (const key of Object.keys(original))
        (copy as Record<string, unknown>)[key] = copyOf((original as Record<string, unknown>)[key]);
    }
  }
  return root;
}
