/**
 * How the validator and the importer look at a value of unknown shape, and name it in
 * their messages: one wording for "must be text, not a list" everywhere.
 */

/** A JSON object: not null, and not a list (which is an object to `typeof`). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value's JSON type as an editor reads it: "null", "a list", "an object", "text", "a number"... */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/**
 * A value as a message shows it: text quoted and cut at `max` characters (so a data: URL
 * does not flood the terminal), numbers and booleans as written, anything else by its type.
 */
export function describeValue(value: unknown, max = 40): string {
  if (typeof value === 'string') return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
  if (typeof value === 'object') return describeType(value);
  return String(value);
}
