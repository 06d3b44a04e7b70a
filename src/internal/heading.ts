/**
 * Headings at the level the page needs (`heading-level`): the h1–h6 tag for a level, for
 * lit/static-html templates (`<${tag}>…</${tag}>`). Native headings rather than
 * role="heading": every browser and screen reader reads their level.
 */
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';

const TAGS = [1, 2, 3, 4, 5, 6].map((level) => unsafeStatic(`h${level}`));

/** The tag of heading level `level`, kept within 1–6. */
export const headingTag = (level: number): StaticValue => TAGS[Math.min(6, Math.max(1, Math.round(level))) - 1]!;
