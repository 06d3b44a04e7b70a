/**
 * The one http(s) rule for web addresses, apart from the zod schema so that code needing only
 * the rule (JSON-LD, the importer, the builder, the WordPress plugin's JSON-LD script) does not
 * bring zod with it.
 */

/** True for absolute http(s) URLs with a host; `javascript:`, `data:` and relative URLs are refused. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
