/**
 * Inline citation markers, written in text as in the seed: `[3]` or `[2] [5]`.
 *
 * Source ids are the citation labels themselves ("1", "12"), so only digits count as
 * a marker: editorial brackets such as `[sic]` stay plain text.
 */

/** A source id as written inside a marker: a positive whole number. The one spelling of it. */
const SOURCE_ID = '[1-9]\\d{0,3}';

/** A whole source id (the schema's rule for `sources[].id` and every cited id). */
export const SOURCE_ID_PATTERN = new RegExp(`^${SOURCE_ID}$`);

const MARKER = new RegExp(`\\[(${SOURCE_ID})\\]`, 'g');
/** A marker with the spaces or tabs before it, which go with it when it is taken out. */
const SPACED_MARKER = new RegExp(`[ \\t]*${MARKER.source}`, 'g');

/** A run of plain text, or one citation marker naming a source id. */
export type TextPart = { text: string } | { cite: string };

/** Every source id cited in `text`, in order of appearance (repeats kept). */
export function citedIds(text: string): string[] {
  return Array.from(text.matchAll(MARKER), (match) => match[1]!);
}

/**
 * Splits text into plain runs and markers, so renderers never parse markup:
 * `"a [1] b"` → `[{text:"a "}, {cite:"1"}, {text:" b"}]`.
 */
export function splitCitations(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ cite: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** `text` with its markers taken out, for places with no source list: "Rain fell [1]." → "Rain fell." */
export function withoutCitations(text: string): string {
  return text.replace(SPACED_MARKER, '');
}
