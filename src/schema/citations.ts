/**
 * Inline citation markers, written in text as in the seed: `[3]` or `[2] [5]`.
 *
 * Source ids are the citation labels themselves ("1", "12"), so only digits count as
 * a marker: editorial brackets such as `[sic]` stay plain text.
 */

/** A source id as written inside a marker: a positive whole number. The one spelling of it. */
export const SOURCE_ID_PATTERN = /^[1-9]\d{0,3}$/;

/** Digits in brackets: a marker when they are a source id (so `[0]` and `[12345]` stay text). */
const BRACKETED_DIGITS = /\[(\d+)\]/g;

/** The markers in `text`, in order: each match's group 1 is the source id. */
const markers = (text: string) =>
  Array.from(text.matchAll(BRACKETED_DIGITS)).filter((match) => SOURCE_ID_PATTERN.test(match[1]!));

/** A run of plain text, or one citation marker naming a source id. */
export type TextPart = { text: string } | { cite: string };

/** Every source id cited in `text`, in order of appearance (repeats kept). */
export function citedIds(text: string): string[] {
  return markers(text).map((match) => match[1]!);
}

/**
 * Splits text into plain runs and markers, so renderers never parse markup:
 * `"a [1] b"` → `[{text:"a "}, {cite:"1"}, {text:" b"}]`.
 */
export function splitCitations(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of markers(text)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ cite: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** `text` with its markers taken out, and the spaces or tabs before each: "Rain fell [1]." → "Rain fell." */
export function withoutCitations(text: string): string {
  return splitCitations(text).reduce(
    (out, part) => ('cite' in part ? out.replace(/[ \t]+$/, '') : out + part.text),
    '',
  );
}
