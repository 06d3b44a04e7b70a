/**
 * The markup-injection corpus for issue 8: strings that would run script, load something or
 * restyle the page if any output of ours (live elements, static HTML, JSON-LD, the iframe
 * embed) treated text as markup, a URL it should refuse as a link, or a value as CSS.
 *
 * Every payload, if it ever executes, calls the page-level canary `__nwCanary(n)` with its own
 * number (a number, not a string, so it survives contexts where quotes would not), and every
 * one that could only *load* something loads `/__nw_canary/n`, which the tests watch for.
 * A test page defines `__nwCanary` (and `alert`, `confirm`, `prompt` as the same canary) and
 * fails when it is called or when anything requests a `/__nw_canary/` address.
 *
 * Plain data, no DOM or Node APIs: the browser tests and the Node tests import it alike.
 */

/** The canary function every payload calls when it runs. */
export const CANARY = '__nwCanary';
/** What every payload that loads instead of running asks for (followed by its number). */
export const CANARY_PATH = '/__nw_canary/';

export type PayloadKind =
  | 'script' // <script> in its many spellings
  | 'handler' // on* event-handler attributes on tags that fire them by themselves
  | 'breakout' // quotes, tag ends and comments that try to leave an attribute or element
  | 'javascript-url' // javascript: with case, whitespace, control-character and entity tricks
  | 'data-url'
  | 'vbscript-url'
  | 'svg'
  | 'script-data' // what breaks out of JSON inside <script> (JSON-LD, the inline data script)
  | 'css' // CSS injection: through tokens, theme values, style attributes and elements
  | 'template' // template syntaxes: JS template literals, Lit's own markers, SSR markers
  | 'unicode'; // RTL marks, joiners, emoji, lone surrogates, line separators, look-alikes

export interface XssPayload {
  /** The number the payload passes to the canary: its position in `XSS_PAYLOADS`, from 1. */
  n: number;
  /** A short name for reports: `handler/img-onerror`. */
  name: string;
  kind: PayloadKind;
  text: string;
}

/** `__nwCanary(n)`: what each payload runs. */
export const canaryCall = (n: number): string => `${CANARY}(${n})`;

const b64 = (text: string): string => btoa(text);
/** Every character of `text` as a decimal character reference (`&#106;&#97;…`). */
const decimalEntities = (text: string): string => [...text].map((char) => `&#${char.codePointAt(0)};`).join('');

type Build = (run: string, load: string) => string;

/**
 * [kind, name, build(run, load)]: `run` is the canary call, `load` the canary address.
 * Built this way so each payload carries its own number, whatever its position.
 */
const RECIPES: [PayloadKind, string, Build][] = [
  // --- <script> ---------------------------------------------------------------------------
  ['script', 'plain', (run) => `<script>${run}</script>`],
  ['script', 'upper-case', (run) => `<SCRIPT>${run}</SCRIPT>`],
  ['script', 'mixed-case-attribute', (run) => `<ScRiPt type="text/javascript">${run}</sCrIpT>`],
  ['script', 'module', (run) => `<script type="module">${run}</script>`],
  ['script', 'src-data', (run) => `<script src="data:text/javascript,${run}"></script>`],
  ['script', 'newline-in-tag', (run) => `<script\n>${run}</script\n>`],
  ['script', 'nested-filter-evasion', (run) => `<scr<script>ipt>${run}</scr</script>ipt>`],
  ['script', 'double-open', (run) => `<<script>${run}//<</script>`],
  ['script', 'unterminated', (run) => `<script>${run}</script`],
  ['script', 'in-template', (run) => `<template><script>${run}</script></template>`],
  ['script', 'noscript-mutation', (run) => `<noscript><p title="</noscript><img src=x onerror=${run}>">`],
  ['script', 'comment-then-script', (run) => `<!--<script>--><script>${run}</script>`],
  ['script', 'iframe-srcdoc', (run) => `<iframe srcdoc="<script>parent.${run}</script>"></iframe>`],

  // --- event handlers ---------------------------------------------------------------------
  ['handler', 'img-onerror', (run) => `<img src=x onerror=${run}>`],
  ['handler', 'img-onerror-upper', (run) => `<IMG SRC=x ONERROR=${run}>`],
  ['handler', 'img-onerror-quoted', (run) => `<img src="x" onerror="${run}">`],
  ['handler', 'img-slashes', (run) => `<img/src=x/onerror=${run}>`],
  [
    'handler',
    'img-entity-in-handler',
    (run) => `<img src=x onerror=&#95;&#95;nwCanary&#40;${run.replace(/\D/g, '')}&#41;>`,
  ],
  ['handler', 'img-backtick', (run) => `<img src=\`x\` onerror=${run}>`],
  ['handler', 'img-srcset', (run) => `<img srcset=",,,x" onerror=${run}>`],
  ['handler', 'picture-source', (run) => `<picture><source srcset=x><img src=x onerror=${run}></picture>`],
  ['handler', 'svg-onload', (run) => `<svg onload=${run}>`],
  ['handler', 'svg-slash-onload', (run) => `<svg/onload=${run}>`],
  ['handler', 'body-onload', (run) => `<body onload=${run}>`],
  ['handler', 'iframe-onload', (run) => `<iframe onload=${run}></iframe>`],
  ['handler', 'input-autofocus', (run) => `<input autofocus onfocus=${run}>`],
  ['handler', 'select-autofocus', (run) => `<select autofocus onfocus=${run}></select>`],
  ['handler', 'textarea-autofocus', (run) => `<textarea autofocus onfocus=${run}></textarea>`],
  ['handler', 'tabindex-focusin', (run) => `<xss tabindex=1 autofocus onfocusin=${run}>x</xss>`],
  ['handler', 'details-ontoggle', (run) => `<details open ontoggle=${run}>`],
  [
    'handler',
    'popover-ontoggle',
    (run) => `<div popover id=nwp ontoggle=${run}>x</div><button popovertarget=nwp>x</button>`,
  ],
  ['handler', 'video-source', (run) => `<video><source onerror=${run}></video>`],
  ['handler', 'audio-onerror', (run) => `<audio src=x onerror=${run}>`],
  ['handler', 'marquee-onstart', (run) => `<marquee onstart=${run}>x</marquee>`],
  ['handler', 'style-onload', (run) => `<style onload=${run}></style>`],
  ['handler', 'div-onmouseover', (run) => `<div onmouseover=${run}>hover me</div>`],
  ['handler', 'anchor-onclick', (run) => `<a href="https://example.org/" onclick="${run}">x</a>`],
  ['handler', 'object-data-js', (run) => `<object data="javascript:${run}"></object>`],
  ['handler', 'embed-src-js', (run) => `<embed src="javascript:${run}">`],
  ['handler', 'form-action-js', (run) => `<form action="javascript:${run}"><input type=submit></form>`],
  ['handler', 'button-formaction-js', (run) => `<form><button formaction="javascript:${run}">go</button></form>`],
  ['handler', 'meta-refresh', (run) => `<meta http-equiv="refresh" content="0;url=javascript:${run}">`],
  ['handler', 'base-href', (run) => `<base href="javascript:${run}//">`],
  ['handler', 'link-stylesheet', (_run, load) => `<link rel=stylesheet href=${load}>`],
  ['handler', 'img-network', (_run, load) => `<img src="${load}">`],
  [
    'handler',
    'math-xlink',
    (run) => `<math><maction actiontype="statusline" xlink:href="javascript:${run}">x</maction></math>`,
  ],

  // --- leaving an attribute, a tag or an element ----------------------------------------------
  ['breakout', 'double-quote-script', (run) => `"><script>${run}</script>`],
  ['breakout', 'single-quote-script', (run) => `'><script>${run}</script>`],
  ['breakout', 'double-quote-handler', (run) => `" onmouseover="${run}`],
  ['breakout', 'single-quote-autofocus', (run) => `' autofocus onfocus='${run}' x='`],
  ['breakout', 'double-quote-autofocus', (run) => `" autofocus onfocus="${run}`],
  ['breakout', 'double-quote-img', (run) => `"><img src=x onerror=${run}>`],
  ['breakout', 'self-closing-img', (run) => `"/><img src=x onerror=${run}>`],
  ['breakout', 'unquoted-space', (run) => `x onerror=${run} `],
  ['breakout', 'backtick', (run) => `\`><img src=x onerror=${run}>`],
  ['breakout', 'close-paragraph-svg', (run) => `></p><svg onload=${run}>`],
  ['breakout', 'textarea-end', (run) => `</textarea><script>${run}</script>`],
  ['breakout', 'title-end', (run) => `</title><script>${run}</script>`],
  ['breakout', 'comment-end', (run) => `--><img src=x onerror=${run}>`],
  ['breakout', 'comment-bang-end', (run) => `--!><img src=x onerror=${run}>`],
  ['breakout', 'cdata-end', (run) => `]]><script>${run}</script>`],
  ['breakout', 'template-end', (run) => `</template><img src=x onerror=${run}>`],
  ['breakout', 'style-attribute', (_run, load) => `" style="background:url(${load})`],

  // --- javascript: URLs -----------------------------------------------------------------------
  ['javascript-url', 'plain', (run) => `javascript:${run}`],
  ['javascript-url', 'mixed-case', (run) => `JaVaScRiPt:${run}`],
  ['javascript-url', 'upper-case', (run) => `JAVASCRIPT:${run}`],
  ['javascript-url', 'leading-space', (run) => ` javascript:${run}`],
  ['javascript-url', 'tab-inside', (run) => `java\tscript:${run}`],
  ['javascript-url', 'newline-inside', (run) => `java\nscript:${run}`],
  ['javascript-url', 'carriage-return-inside', (run) => `java\rscript:${run}`],
  ['javascript-url', 'leading-soh', (run) => `\u0001javascript:${run}`],
  ['javascript-url', 'leading-nul', (run) => `\u0000javascript:${run}`],
  ['javascript-url', 'leading-unit-separator', (run) => `\u001fjavascript:${run}`],
  ['javascript-url', 'decimal-entity', (run) => `&#106;avascript:${run}`],
  ['javascript-url', 'hex-entity', (run) => `&#x6A;avascript:${run}`],
  [
    'javascript-url',
    'padded-entities',
    (run) =>
      `&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${run}`,
  ],
  ['javascript-url', 'named-colon', (run) => `javascript&colon;${run}`],
  ['javascript-url', 'numeric-colon', (run) => `javascript&#58;${run}`],
  ['javascript-url', 'tab-entity', (run) => `jav&#x09;ascript:${run}`],
  ['javascript-url', 'all-entities', (run) => decimalEntities(`javascript:${run}`)],
  ['javascript-url', 'percent-encoded-body', (run) => `javascript:${run.replace(/_/g, '%5F')}`],
  ['javascript-url', 'comment-newline', (run) => `javascript://%0a${run}`],
  ['javascript-url', 'void-then-run', (run) => `javascript:void(0);${run}`],
  ['javascript-url', 'anchor', (run) => `<a href="javascript:${run}">click</a>`],
  ['javascript-url', 'anchor-leading-control', (run) => `<a href="&#1;javascript:${run}">click</a>`],
  ['javascript-url', 'in-http-userinfo', (run) => `https://javascript:${run}@example.org/`],

  // --- data: and vbscript: URLs -----------------------------------------------------------------
  ['data-url', 'html', (run) => `data:text/html,<script>parent.${run}</script>`],
  ['data-url', 'html-base64', (run) => `data:text/html;base64,${b64(`<script>parent.${run}</script>`)}`],
  ['data-url', 'upper-case', (run) => `DATA:text/html,<script>parent.${run}</script>`],
  ['data-url', 'svg', (run) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${run}"/>`],
  ['data-url', 'javascript', (run) => `data:text/javascript,${run}`],
  ['data-url', 'tab-inside', (run) => `da\tta:text/html,<script>parent.${run}</script>`],
  ['data-url', 'object', (run) => `<object data="data:text/html,<script>parent.${run}</script>"></object>`],
  ['vbscript-url', 'plain', (run) => `vbscript:msgbox(${run})`],
  ['vbscript-url', 'mixed-case', (run) => `VbScRiPt:msgbox(${run})`],
  ['vbscript-url', 'named-colon', (run) => `vbscript&colon;msgbox(${run})`],
  ['vbscript-url', 'leading-tab', (run) => `\tvbscript:msgbox(${run})`],

  // --- SVG ------------------------------------------------------------------------------------
  ['svg', 'script', (run) => `<svg><script>${run}</script></svg>`],
  ['svg', 'script-href', (run) => `<svg><script href="data:text/javascript,${run}"/></svg>`],
  ['svg', 'a-xlink-href', (run) => `<svg><a xlink:href="javascript:${run}"><text x="20" y="20">x</text></a></svg>`],
  ['svg', 'a-href', (run) => `<svg><a href="javascript:${run}"><text x="20" y="20">x</text></a></svg>`],
  [
    'svg',
    'animate-href',
    (run) =>
      `<svg><a id="nwa"><text y="20">x</text></a><animate xlink:href="#nwa" attributeName="href" values="javascript:${run}"/></svg>`,
  ],
  ['svg', 'set-onbegin', (run) => `<svg><set attributeName="x" to="1" onbegin="${run}"/></svg>`],
  ['svg', 'animate-onbegin', (run) => `<svg><animate onbegin=${run} attributeName=x dur=1s>`],
  ['svg', 'image-onerror', (run) => `<svg><image href=x onerror=${run}></svg>`],
  ['svg', 'foreign-object', (run) => `<svg><foreignObject><img src=x onerror=${run}></foreignObject></svg>`],
  [
    'svg',
    'use-data',
    (run) =>
      `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${run}'/></svg>#x"/></svg>`,
  ],
  ['svg', 'cdata', (run) => `<svg><![CDATA[><img src=x onerror=${run}>]]></svg>`],

  // --- leaving JSON inside <script> -----------------------------------------------------------
  ['script-data', 'close-script', (run) => `</script><script>${run}</script>`],
  ['script-data', 'close-script-space', (run) => `</SCRIPT ><script>${run}</script>`],
  ['script-data', 'close-script-slash', (run) => `</script/x><script>${run}</script>`],
  ['script-data', 'double-escape', (run) => `<!--<script></script><script>${run}</script>-->`],
  ['script-data', 'comment-open', (run) => `<!--</script><script>${run}</script>`],
  ['script-data', 'close-json', (run) => `"}]}</script><script>${run}</script>`],
  ['script-data', 'line-separators', (run) => `\u2028</script>\u2029<script>${run}</script>`],
  ['script-data', 'string-breakout', (run) => `"+${run}+"`],
  ['script-data', 'statement-breakout', (run) => `\\"};${run};//`],
  ['script-data', 'single-quote-breakout', (run) => `'-${run}-'`],
  ['script-data', 'escaped-lt', (run) => `\\u003c/script\\u003e\\u003cscript\\u003e${run}\\u003c/script\\u003e`],
  ['script-data', 'ampersand-entities', (run) => `&lt;/script&gt;&lt;script&gt;${run}&lt;/script&gt;`],

  // --- CSS ------------------------------------------------------------------------------------
  ['css', 'declaration-javascript-url', (run) => `red;background:url(javascript:${run})`],
  ['css', 'declaration-load', (_run, load) => `red;background:url(${load})`],
  ['css', 'rule-breakout', (_run, load) => `red}*{background:url(${load})}`],
  ['css', 'expression', (run) => `expression(${run})`],
  ['css', 'property-expression', (run) => `x:expression(${run})`],
  ['css', 'close-style-script', (run) => `</style><script>${run}</script>`],
  ['css', 'close-style-img', (run) => `</style><img src=x onerror=${run}>`],
  ['css', 'import', (_run, load) => `@import url(${load});`],
  ['css', 'style-element', (_run, load) => `<style>*{background:url(${load})}</style>`],
  ['css', 'theme-attribute-breakout', (_run, load) => `dark" style="background:url(${load})`],
  ['css', 'token-declaration', (_run, load) => `dark;--nw-color-accent:url(${load})`],
  ['css', 'quoted-javascript-url', (run) => `url("javascript:${run}")`],
  ['css', 'moz-binding', (_run, load) => `red;-moz-binding:url(${load})`],
  ['css', 'behavior', (_run, load) => `red;behavior:url(${load})`],
  ['css', 'css-escapes', (run) => `\\3c/style\\3e<script>${run}</script>`],
  ['css', 'style-attribute-expression', (run) => `<div style="x:expression(${run})">x</div>`],
  ['css', 'style-attribute-url', (run) => `<div style="background-image:url(javascript:${run})">x</div>`],

  // --- template syntaxes ----------------------------------------------------------------------
  ['template', 'js-template-literal', (run) => `\${${run}}`],
  ['template', 'backtick-template-literal', (run) => `\`\${${run}}\``],
  ['template', 'angular-constructor', (run) => `{{constructor.constructor('${run}')()}}`],
  ['template', 'erb', (run) => `<%= ${run} %>`],
  ['template', 'lit-marker-pi', (run) => `<?lit$123$><img src=x onerror=${run}>`],
  ['template', 'lit-marker-text', (run) => `lit$123$<script>${run}</script>lit$123$`],
  ['template', 'lit-marker-comment', (run) => `<!--?lit$123$--><img src=x onerror=${run}>`],
  ['template', 'lit-marker-attribute', (run) => `lit$123$="x" onerror=${run}`],
  ['template', 'lit-ssr-part', (run) => `<!--lit-part abc--><script>${run}</script><!--/lit-part-->`],
  ['template', 'lit-ssr-empty-pi', (run) => `<?><img src=x onerror=${run}>`],
  ['template', 'defer-hydration', (run) => ` defer-hydration><img src=x onerror=${run}>`],
  [
    'template',
    'declarative-shadow-root',
    (run) => `<template shadowrootmode="open"><img src=x onerror=${run}></template>`,
  ],

  // --- unicode --------------------------------------------------------------------------------
  ['unicode', 'rtl-override', (run) => `\u202e<script>${run}</script>\u202c`],
  ['unicode', 'rtl-mark-handler', (run) => `\u200f"><img src=x onerror=${run}>`],
  ['unicode', 'zero-width-joiner', (run) => `\u200d<img src=x onerror=${run}>\u200d`],
  ['unicode', 'zero-width-in-scheme', (run) => `java\u200bscript:${run}`],
  ['unicode', 'byte-order-mark', (run) => `\ufeff<svg onload=${run}>`],
  ['unicode', 'fullwidth-brackets', (run) => `\uff1cscript\uff1e${run}\uff1c/script\uff1e`],
  ['unicode', 'lone-high-surrogate', (run) => `\ud800<script>${run}</script>`],
  ['unicode', 'lone-low-surrogate', (run) => `\udfff"><img src=x onerror=${run}>`],
  ['unicode', 'nul-before-tag', (run) => `\u0000<script>${run}</script>`],
  ['unicode', 'emoji-family', (run) => `\u{1F468}\u200d\u{1F469}\u200d\u{1F467}<img src=x onerror=${run}>\u{1F642}`],
  ['unicode', 'dotted-capital-i', (run) => `<scr\u0130pt>${run}</scr\u0130pt>`],
  ['unicode', 'percent-encoded-tag', (run) => `%3Cscript%3E${run}%3C/script%3E`],
  ['unicode', 'overlong-utf8-lt', (run) => `%C0%BCscript%C0%BE${run}%C0%BC/script%C0%BE`],
  ['unicode', 'paragraph-separator-js', (run) => `\u2029${run}\u2028`],
];

/** The corpus: every payload with its canary number (its position, from 1). */
export const XSS_PAYLOADS: readonly XssPayload[] = RECIPES.map(([kind, name, build], i) => {
  const n = i + 1;
  return { n, name: `${kind}/${name}`, kind, text: build(canaryCall(n), `${CANARY_PATH}${n}`) };
});

/** The payload with canary number `n` (for failure messages). */
export function payloadNamed(n: number): string {
  return XSS_PAYLOADS[n - 1]?.name ?? `#${n}`;
}

/** Payloads meant for CSS contexts (tokens, `theme`, style values). */
export const CSS_PAYLOADS = XSS_PAYLOADS.filter(
  (payload) => payload.kind === 'css' || payload.name === 'breakout/style-attribute',
);

// ---------------------------------------------------------------------------------------------
// Documents carrying a payload in every field that can hold one.
// ---------------------------------------------------------------------------------------------

/**
 * How a document's URL fields carry the payload:
 * - `carried`: an http URL with the payload in its path, query and fragment, so the document
 *   stays valid and the link is really rendered;
 * - `whole`: the payload is the URL (the validator refuses it unless it is http(s)).
 */
export type UrlForm = 'carried' | 'whole';

/** An http(s) address with `text` raw in its path, query and fragment. */
export const carryingUrl = (text: string): string => `https://example.org/p/${text}?q=${text}#${text}`;

/** Every plain-text field of the document: the payload goes in each (JSON paths, for counting). */
export const TEXT_FIELDS = [
  'question',
  'summary',
  'keyPoints[0]',
  'unknowns[0]',
  'publisher.name',
  'sections[0].title',
  'sections[0].paragraphs[0]',
  'sections[0].paragraphs[1]',
  'actors[0].name',
  'actors[0].country',
  'actors[0].description',
  'actors[1].name',
  'stances[0].headline',
  'stances[0].summary',
  'stances[0].quote.text',
  'stances[0].quote.speaker',
  'stances[1].headline',
  'stances[1].summary',
  'statements[0].text',
  'statements[0].quote.text',
  'statements[0].quote.speaker',
  'statements[1].text',
  'sources[0].title',
  'sources[0].publisher',
  'sources[1].title',
] as const;

/** Every URL field of the document. */
export const URL_FIELDS = ['publisher.url', 'sources[0].url', 'sources[1].url'] as const;

/**
 * A small analysis (two actors, stances, dated and undated statements, two sources, one
 * section) with `payload` in every text field and every URL field, and citations `[1]` `[2]`
 * after some texts, so citation buttons (named by the source's title) and popovers exist.
 */
export function payloadDocument(payload: XssPayload, urlForm: UrlForm) {
  const p = payload.text;
  const url = urlForm === 'carried' ? carryingUrl(p) : p;
  return {
    schemaVersion: 1 as const,
    id: `xss-${payload.n}`,
    language: 'en',
    question: p,
    summary: `${p} [1]`,
    keyPoints: [`${p} [2]`],
    unknowns: [p],
    publisher: { name: p, url },
    sections: [{ id: 'background', title: p, paragraphs: [`${p} [1]`, p] }],
    actors: [
      { id: 'gov', name: p, kind: 'government' as const, country: p, description: p },
      { id: 'expert', name: p, kind: 'expert' as const },
    ],
    stances: [
      {
        id: 'gov-supports',
        actor: 'gov',
        position: 'supports' as const,
        headline: `${p} [1]`,
        summary: `${p} [2]`,
        quote: { text: `${p} [1]`, speaker: p, date: '2025-04-08' },
        confidence: 'high' as const,
        sources: ['1'],
      },
      { id: 'expert-doubts', actor: 'expert', position: 'opposes' as const, headline: p, summary: p, sources: ['2'] },
    ],
    statements: [
      {
        id: 'announced',
        actor: 'gov',
        date: '2025-04',
        text: `${p} [1]`,
        kind: 'policy' as const,
        quote: { text: p, speaker: p },
        sources: ['1'],
      },
      { id: 'doubted', actor: 'expert', text: `${p} [2]`, sources: ['2'] },
    ],
    sources: [
      { id: '1', title: p, publisher: p, url, date: '2025-04-08', type: 'news' as const },
      { id: '2', title: p, url },
    ],
  };
}

/** A valid analysis with no payload in it, for tests that put payloads in attributes instead. */
export const CLEAN_DOCUMENT = {
  ...payloadDocument({ n: 0, name: 'clean', kind: 'unicode', text: 'Plain text' }, 'carried'),
  id: 'xss-clean',
  publisher: { name: 'Example News', url: 'https://example.org/' },
  sources: [
    {
      id: '1',
      title: 'Plain source',
      publisher: 'Example News',
      url: 'https://example.org/1',
      date: '2025-04-08',
      type: 'news' as const,
    },
    { id: '2', title: 'Another source', url: 'https://example.org/2' },
  ],
};

// ---------------------------------------------------------------------------------------------
// In the page: the canary, and what counts as injected markup.
//
// Both functions are self-contained (no reference to anything outside their bodies), so the
// Node tests can hand them to puppeteer, which runs them from their source text in a page.
// ---------------------------------------------------------------------------------------------

/** What the canary saw in one window: payloads that ran, and canary addresses requested. */
export interface CanaryRecord {
  calls: string[];
  loads: string[];
}

declare global {
  interface Window {
    __nwCanary(n: number | string): void;
    __nwCanaryRecord: CanaryRecord;
  }
}

/**
 * Installs the canary in this window: `__nwCanary` (and `alert`, `confirm`, `prompt`, `print`,
 * which classic payloads call) records a call, also in the top window when it can reach it;
 * a PerformanceObserver records every request for a `/__nw_canary/` address (CSS `url()`,
 * `<img>`, `<link>`, whatever made it). Read `window.__nwCanaryRecord`.
 */
export function installCanary(): void {
  if (window.__nwCanaryRecord) return;
  const record: CanaryRecord = { calls: [], loads: [] };
  window.__nwCanaryRecord = record;
  window.__nwCanary = (n) => {
    record.calls.push(String(n));
    try {
      if (window.top && window.top !== window) window.top.__nwCanary?.(`frame:${n}`);
    } catch {
      // A cross-origin top: the frame's own record has it.
    }
  };
  const caught =
    (name: string) =>
    (...args: unknown[]) =>
      window.__nwCanary(`${name}(${args.map(String).join(',')})`);
  Object.assign(window, {
    alert: caught('alert'),
    confirm: caught('confirm'),
    prompt: caught('prompt'),
    print: caught('print'),
  });
  // Only the canary's own path: an element fetching `src="red;url(/__nw_canary/1)"` asks for
  // /red;url(…), its data, not the canary.
  const isCanary = (address: string) => URL.canParse(address) && new URL(address).pathname.startsWith('/__nw_canary/');
  const watch = (entries: PerformanceEntryList) => {
    for (const entry of entries) if (isCanary(entry.name)) record.loads.push(entry.name);
  };
  new PerformanceObserver((list) => watch(list.getEntries())).observe({ type: 'resource', buffered: true });
  // The timeline keeps 250 entries by default; `readCanary` reads it too.
  performance.setResourceTimingBufferSize(100_000);
}

/** Everything the canary has seen so far, including requests the observer has not delivered yet. */
export function readCanary(): CanaryRecord {
  const record = window.__nwCanaryRecord;
  const isCanary = (address: string) => URL.canParse(address) && new URL(address).pathname.startsWith('/__nw_canary/');
  const loads = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter(isCanary);
  return { calls: [...record.calls], loads: [...new Set([...record.loads, ...loads])] };
}

/**
 * Every sign of injected markup under `root`, light DOM and every shadow root inside it
 * (nested ones too, and `<template>` contents), as readable lines (empty when clean):
 * - an element no element of ours makes: script, iframe, object, embed, img, form, style…, or
 *   an unknown tag (`<xss>`). `<script type="application/json|ld+json">` is allowed outside
 *   shadow roots (the static render's data), `<style>` only when it holds none of a payload;
 * - an `on*` attribute, a `style` attribute (the elements promise none), `srcdoc`, `srcset`;
 * - an href/src/action/formaction/xlink:href/poster/data/background/cite/ping that is not
 *   http(s) or a `#fragment` (an `nw-*` element's own `src` is data, not a link: skipped);
 * - a link opening a new tab without `rel="noopener"`;
 * - a style sheet (adopted or `<style>`) containing `__nw` (every payload names the canary).
 * Elements marked `data-xss-harness` are the test's own: their `style` is not counted.
 */
export function dangerousMarkup(root: Element | ShadowRoot | Document): string[] {
  const problems: string[] = [];
  const FORBIDDEN = new Set([
    'script',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'base',
    'meta',
    'link',
    'form',
    'img',
    'image',
    'video',
    'audio',
    'source',
    'picture',
    'track',
    'foreignobject',
    'animate',
    'set',
    'animatetransform',
    'animatemotion',
    'use',
    'math',
    'maction',
    'marquee',
    'noscript',
    'portal',
    'textarea',
    'select',
    'isindex',
    'keygen',
    'body',
    'html',
    'head',
    'title',
    'xss',
  ]);
  const URL_ATTRIBUTES = new Set([
    'href',
    'src',
    'xlink:href',
    'action',
    'formaction',
    'poster',
    'data',
    'background',
    'cite',
    'ping',
  ]);
  const DATA_SCRIPTS = new Set(['application/json', 'application/ld+json']);
  const MARKER = '__nw';
  const checkedSheets = new Set<CSSStyleSheet>();
  const safeUrl = (value: string) => {
    if (value.startsWith('#')) return true;
    if (!URL.canParse(value)) return false;
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  };
  const sheetText = (sheet: CSSStyleSheet) => {
    try {
      return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
    } catch {
      return '';
    }
  };
  const checkSheets = (sheets: Iterable<CSSStyleSheet>, where: string) => {
    for (const sheet of sheets) {
      if (checkedSheets.has(sheet)) continue;
      checkedSheets.add(sheet);
      if (sheetText(sheet).includes(MARKER)) problems.push(`a style sheet in ${where} holds a payload`);
    }
  };
  const visit = (node: Element | ShadowRoot | Document | DocumentFragment, where: string, inShadow: boolean) => {
    const elements = node instanceof Element ? [node, ...node.querySelectorAll('*')] : [...node.querySelectorAll('*')];
    for (const element of elements) {
      const name = element.localName.toLowerCase();
      const label = `<${element.localName}> in ${where}`;
      const isDataScript =
        name === 'script' && !inShadow && DATA_SCRIPTS.has((element.getAttribute('type') ?? '').trim().toLowerCase());
      if (FORBIDDEN.has(name) && !isDataScript) problems.push(`${label}: a <${name}> element`);
      else if (element instanceof HTMLUnknownElement) problems.push(`${label}: an unknown element`);
      if (name === 'style' && (element.textContent ?? '').includes(MARKER))
        problems.push(`${label}: a <style> holding a payload`);
      const harness = element.hasAttribute('data-xss-harness');
      for (const { name: attribute, value } of element.attributes) {
        const lower = attribute.toLowerCase();
        if (lower.startsWith('on')) problems.push(`${label}: an ${attribute}= attribute`);
        else if (lower === 'style' && !harness) problems.push(`${label}: a style= attribute "${value}"`);
        else if (lower === 'srcdoc' || lower === 'srcset') problems.push(`${label}: a ${attribute}= attribute`);
        else if (URL_ATTRIBUTES.has(lower) && !(lower === 'src' && name.startsWith('nw-')) && !safeUrl(value)) {
          problems.push(`${label}: ${attribute}="${value}" is not http(s) or a #fragment`);
        }
      }
      if (
        name === 'a' &&
        element.getAttribute('target') === '_blank' &&
        !/\bnoopener\b/.test(element.getAttribute('rel') ?? '')
      ) {
        problems.push(`${label}: opens a new tab without rel="noopener"`);
      }
      if (element instanceof HTMLTemplateElement) visit(element.content, `${label} (template)`, inShadow);
      if (element.shadowRoot) {
        const inner = `<${element.localName}>'s shadow root in ${where}`;
        checkSheets(element.shadowRoot.adoptedStyleSheets, inner);
        visit(element.shadowRoot, inner, true);
      }
    }
  };
  if (root instanceof ShadowRoot) checkSheets(root.adoptedStyleSheets, 'the root');
  visit(root, root instanceof Element ? `<${root.localName}>` : 'the page', root instanceof ShadowRoot);
  return problems;
}
