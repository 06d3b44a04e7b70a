/**
 * Writing our data into HTML that someone else's page will parse: the static render, the
 * JSON-LD script and the embed builder's code all escape the same way.
 */

/** Text for a double-quoted attribute value. */
export const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * The analysis inline, for `for=` and a script child: JSON inside an HTML comment inside the
 * script. A CMS that strips `<script>` but keeps the text inside (WordPress's kses, for
 * Authors and Contributors) then leaves a comment, not a wall of raw JSON on the page; the
 * elements read either form (see `dataScriptJson`).
 */
export const dataScript = (id: string, value: unknown): string =>
  `<script type="application/json" id="${escapeAttribute(id)}"><!--${scriptSafeJson(value)}--></script>`;

/**
 * A `<style>` element for a static render, its CSS inside a comment: CSS ignores the markers,
 * and a CMS that strips `<style>` but keeps the text (WordPress's kses, for Authors) leaves a
 * comment instead of a stylesheet above the content. On one line, because kses only knows a
 * comment that ends on the line it starts (its pattern's `.` stops at a line break); `</style`
 * and `-->` in the CSS are escaped so neither element nor comment can end early.
 */
export const guardedStyle = (css: string): string =>
  `<style><!--${css
    .replace(/<\/style/gi, '<\\/style')
    .replace(/-->/g, '--\\>')
    .replace(/\s*[\r\n]\s*/g, ' ')}--></style>`;

/**
 * JSON safe to put inside a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 written
 * as `\u` escapes, so no text in the data can close the element or open a comment, and the
 * result is still the same JSON.
 */
export function scriptSafeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    UNSAFE_IN_SCRIPT,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
