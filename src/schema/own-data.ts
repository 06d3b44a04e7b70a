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
 *   `shieldWhileLoading` does the same while the schema module builds its schemas.
 */

/** Makes Object.prototype's own enumerable properties non-enumerable; returns what to restore. */
function hideEnumerables(): string[] {
  const hidden: string[] = [];
  for (const key of Object.keys(Object.prototype)) {
    try {
      Object.defineProperty(Object.prototype, key, { enumerable: false });
      hidden.push(key);
    } catch {
      // Non-configurable: nothing we can do, and nothing we may change.
    }
  }
  return hidden;
}

function restoreEnumerables(hidden: readonly string[]): void {
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

/**
 * For the schema module, before it builds its schemas: hides the page's additions until
 * the library's modules have loaded (one synchronous stretch; the page's code runs after).
 */
export function shieldWhileLoading(): void {
  const hidden = hideEnumerables();
  if (hidden.length > 0) queueMicrotask(() => restoreEnumerables(hidden));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A deep copy of a JSON-like value whose objects have no prototype (own enumerable fields
 * only; arrays stay arrays). Iterative, so a hostile 100,000-deep document cannot overflow
 * the stack; a cycle stays a cycle (the validator reports it like the original).
 */
export function ownData(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const copies = new Map<object, Json[] | { [key: string]: Json }>();
  const copyOf = (original: object) => {
    let copy = copies.get(original);
    if (!copy) {
      copy = Array.isArray(original) ? [] : (Object.create(null) as { [key: string]: Json });
      copies.set(original, copy);
      pending.push(original);
    }
    return copy;
  };
  const pending: object[] = [];
  const root = copyOf(value);
  while (pending.length > 0) {
    const original = pending.pop()!;
    const copy = copies.get(original)! as Record<string, unknown>;
    for (const key of Object.keys(original)) {
      const field = (original as Record<string, unknown>)[key];
      // Own data properties only, defined rather than assigned: a "__proto__" key stays a key.
      Object.defineProperty(copy, key, {
        value: typeof field === 'object' && field !== null ? copyOf(field) : field,
        enumerable: true, writable: true, configurable: true,
      });
    }
  }
  return root;
}
