/**
 * HTML fragment → plain text, for importers whose sources write text as HTML
 * (TimelineJS's `text.text` is an HTML fragment). The analysis schema holds plain text
 * only, and the elements render it as text, so what comes out here is never markup.
 *
 * Deliberately small and dependency-free, so it runs the same in Node and in browsers
 * (no DOMParser, which Node lacks). It is not a full HTML parser; it does what an
 * importer needs:
 *
 * - tags are removed; block-level tags (`p`, `br`, `div`, `li`, headings...) become a
 *   space, so `<p>One</p><p>Two</p>` reads "One Two", not "OneTwo"; inline tags (`b`,
 *   `a`, `span`...) vanish without a space, as a browser would show them;
 * - the content of `script`, `style`, `template`, `noscript` and `iframe` is dropped
 *   entirely (never shown as text), even when the closing tag is missing;
 * - comments, `<!doctype>` and `<?...?>` are dropped;
 * - a `<` that does not start a tag (`3 < 5`) stays as the character;
 * - character references are decoded only in text, after tags are gone, so `&lt;b&gt;`
 *   becomes the characters "<b>" and is never read as a tag. Named ones need their
 *   `;` (so "AT&T" stays as written); numeric ones (`&#8217;`, `&#x2014;`) may omit it;
 * - whitespace, including no-break spaces, collapses to one space; the ends are trimmed.
 */

/** Elements that start a new line or block when rendered: replaced by a space. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Elements whose content is code or never shown as text: dropped with their content. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe']);

/** Latin-1 named references, in code point order from U+00A0 (nbsp) to U+00FF (yuml). */
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr ' +
  'deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml ' +
  'eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

/** The named references newsroom HTML actually uses: markup escapes, Latin-1, typography. */
export const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ...Object.fromEntries(LATIN1_NAMES.map((name, i) => [name, String.fromCodePoint(0xa0 + i)])),
  OElig: 'Œ',
  oelig: 'œ',
  Scaron: 'Š',
  scaron: 'š',
  Yuml: 'Ÿ',
  fnof: 'ƒ',
  circ: 'ˆ',
  tilde: '˜',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  dagger: '†',
  Dagger: '‡',
  bull: '•',
  hellip: '…',
  permil: '‰',
  prime: '′',
  Prime: '″',
  lsaquo: '‹',
  rsaquo: '›',
  euro: '€',
  trade: '™',
  minus: '−',
};

/**
 * Numeric references 128–159 name C1 control characters, but text pasted from Word
 * writes them meaning Windows-1252 (`&#146;` for ’); browsers map them, and so do we.
 */
const WINDOWS_1252: Readonly<Record<number, number>> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6});?|#(\d{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});)/g;

function fromCodePoint(code: number): string {
  const mapped = WINDOWS_1252[code] ?? code;
  // NUL, lone surrogates and numbers past Unicode are replaced, as browsers do.
  if (mapped === 0 || (mapped >= 0xd800 && mapped <= 0xdfff) || mapped > 0x10ffff) return '\ufffd';
  return String.fromCodePoint(mapped);
}

/** Decodes character references in a run of text; unknown names are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, hex?: string, decimal?: string, name?: string) => {
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    return Object.hasOwn(NAMED_ENTITIES, name!) ? NAMED_ENTITIES[name!]! : whole;
  });
}

// A tag's opening: `<p`, `</p`, `<my-element`. What follows the name is its attributes.
const TAG_START = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;
// The rest of a tag up to its `>`: quoted attribute values may contain `>`.
const TAG_REST = /(?:"[^"]*"|'[^']*'|[^"'>])*>/y;

/** Index just past the `>` that ends the tag whose attributes start at `from`; the end of the input if none. */
function tagEnd(html: string, from: number): number {
  TAG_REST.lastIndex = from;
  if (TAG_REST.test(html)) return TAG_REST.lastIndex;
  // An unbalanced quote: fall back to the next `>`, as a browser's recovery roughly does.
  const close = html.indexOf('>', from);
  return close === -1 ? html.length : close + 1;
}

/** Index just past `</name ...>`, searching case-insensitively from `from`; the end of the input if it never closes. */
function closingTagEnd(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
  closing.lastIndex = from;
  const match = closing.exec(html);
  return match ? tagEnd(html, match.index + match[0].length) : html.length;
}

/**
 * Converts an HTML fragment to one line of plain text (see the module comment for the
 * rules). Never throws; a string without markup comes back with its whitespace collapsed.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      parts.push(decodeEntities(html.slice(i)));
      break;
    }
    parts.push(decodeEntities(html.slice(i, lt)));

    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      // `<!doctype ...>`, `<![CDATA[...]]>` or `<?xml ...?>`: not text.
      i = tagEnd(html, lt + 2);
      continue;
    }
    TAG_START.lastIndex = lt;
    const tag = TAG_START.exec(html);
    if (!tag) {
      // Not a tag: "3 < 5" keeps its "<".
      parts.push('<');
      i = lt + 1;
      continue;
    }
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    i = tagEnd(html, TAG_START.lastIndex);
    if (BLOCK_TAGS.has(name)) parts.push(' ');
    if (!closing && DROPPED_WITH_CONTENT.has(name)) {
      i = closingTagEnd(html, name, i);
      parts.push(' ');
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
