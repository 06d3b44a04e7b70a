/**
 * What includes/attributes.php accepts, for the block editor: a value the editor lets through
 * is one the page shows readers. The patterns are the PHP's, character for character, and the
 * schema's (test/wordpress/rules.test.ts compares them, reading the PHP as text); the elements
 * are block.json's enum.
 */
import metadata from '../block.json';

/** The elements a block may show: block.json's `element` enum. */
export const ELEMENTS: readonly string[] = metadata.attributes.element.enum;

/** Characters no src may hold (attributes.php's NEWSROOM_WIDGETS_SRC_FORBIDDEN). */
export const SRC_FORBIDDEN = /[\s<>"'`\\]/;
/** An actor's or stance's id (NEWSROOM_WIDGETS_SLUG; the schema's slug). */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;
/** A language tag, loosely (NEWSROOM_WIDGETS_LANGUAGE_TAG; the schema's LANGUAGE_TAG). */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
/** A citation label (NEWSROOM_WIDGETS_CITATION_LABEL; the schema's SOURCE_ID_PATTERN). */
export const CITATION_LABEL = /^[1-9]\d{0,3}$/;

/**
 * What WordPress's esc_url_raw() changes in a path, which attributes.php then refuses: a
 * character it drops, a bracket it encodes, an encoded line break it strips.
 */
const CHANGED_BY_ESC_URL = /[^a-z0-9\-~+_.?#=!&;,/:%@$|*'()\u0080-\uffff]|%0[ad]/i;

/**
 * newsroom_widgets_clean_src()'s rule: absolute http(s) with a host, or a path on this site
 * ("/…", not "//…") that esc_url_raw() leaves as it is; never a forbidden character.
 */
export function isUsableSrc(src: string): boolean {
  if (src === '' || src !== src.trim() || SRC_FORBIDDEN.test(src)) return false;
  if (/^\/(?!\/)/.test(src)) return !CHANGED_BY_ESC_URL.test(src);
  if (!/^https?:\/\//i.test(src)) return false;
  try {
    return new URL(src).host !== '';
  } catch {
    return false;
  }
}

export const isSlug = (value: string): boolean => value.length <= SLUG_MAX && SLUG.test(value);
export const isLanguageTag = (value: string): boolean => LANGUAGE_TAG.test(value);
