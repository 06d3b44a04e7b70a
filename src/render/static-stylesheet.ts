/**
 * The static render's styles as one stylesheet file, for pages whose Content-Security-Policy
 * refuses inline styles (`style-src 'self'`, no `'unsafe-inline'`): with `renderHtml`'s
 * `stylesheet` option each declarative shadow root links this file instead of carrying a
 * `<style>` (which such a policy refuses, leaving the content unstyled without JavaScript).
 *
 * Every shadow root links the same file, so each element's rules are scoped to its own host:
 * `:host(:where(nw-summary))` in front of (or in place of) every selector. `:where()` keeps
 * host rules at their own specificity; the other rules all gain the same pseudo-class, so
 * their order among themselves is unchanged (test/package/render.test.ts compares every
 * computed style with the inline render's).
 *
 * Node only, like the rest of `newsroom-widgets/render`.
 */
import '../define.js';
import { STANDALONE_ELEMENTS } from '../internal/standalone-elements.js';

/** Every element a static render can contain: the renderable ones and what they compose. */
export const STYLED_ELEMENTS: readonly string[] = [...Object.keys(STANDALONE_ELEMENTS), 'nw-cite'];

/** At-rules whose block holds style rules (scoped like top-level ones); others are copied. */
const GROUPING_AT_RULES = new Set(['media', 'supports', 'container', 'layer', 'scope', 'starting-style']);

/** The CSS an element's shadow root gets (what Lit SSR writes into its `<style>`). */
export function elementCss(tag: string): string {
  const ctor = customElements.get(tag) as { elementStyles?: { cssText: string }[] } | undefined;
  if (!ctor) throw new Error(`<${tag}> is not registered: another copy of newsroom-widgets holds the tag`);
  return (ctor.elementStyles ?? []).map((style) => style.cssText).join('');
}

/**
 * The text of the stylesheet that `renderHtml(…, { stylesheet })` links from every shadow
 * root: every element's styles (those it composes included), each scoped to its own tag.
 * Serve it from the page's own origin (`style-src 'self'`), for example as
 * `newsroom-widgets.css` beside the pages; the same for every analysis and element.
 */
export function staticStylesheet(): string {
  const parts = STYLED_ELEMENTS.map((tag) => `/* <${tag}> */\n${scopeCss(elementCss(tag), tag)}\n`);
  return `/* newsroom-widgets: the static render's styles (renderHtml's stylesheet option) */\n${parts.join('')}`;
}

/** `css` with every style rule's selectors scoped to the host `tag`, comments removed. */
export function scopeCss(css: string, tag: string): string {
  const text = stripComments(css);
  let at = 0;
  const block = (): string => {
    let out = '';
    for (;;) {
      while (at < text.length && /\s/.test(text[at]!)) at++;
      if (at >= text.length || text[at] === '}') return out;
      const start = at;
      at = skipTo(text, at, /[{;}]/);
      const prelude = collapse(text.slice(start, at));
      if (text[at] !== '{') {
        // A statement (`@import …;`) or a stray declaration: kept as it is.
        if (text[at] === ';') at++;
        out += `${prelude};`;
        continue;
      }
      at++; // past '{'
      const atRule = /^@([\w-]+)/.exec(prelude)?.[1]?.toLowerCase();
      if (atRule && GROUPING_AT_RULES.has(atRule)) {
        out += `${prelude}{${block()}}`;
      } else {
        const bodyStart = at;
        at = skipBlock(text, at);
        const body = collapse(text.slice(bodyStart, at));
        out += atRule ? `${prelude}{${body}}` : `${scopeSelectorList(prelude, tag)}{${body}}`;
      }
      at++; // past '}'
    }
  };
  const out = block();
  if (at < text.length) throw new Error(`<${tag}>'s styles have an unmatched "}"`);
  return out;
}

/** A selector list with each selector scoped to the host `tag`. */
export function scopeSelectorList(list: string, tag: string): string {
  return splitTopLevel(list)
    .map((selector) => scopeSelector(selector.trim(), tag))
    .join(',');
}

function scopeSelector(selector: string, tag: string): string {
  const host = `:where(${tag})`;
  if (selector.startsWith(':host(')) {
    const close = skipTo(selector, ':host('.length, /\)/);
    return `:host(${host}${selector.slice(':host('.length, close)})${selector.slice(close + 1)}`;
  }
  if (/^:host(?![\w-])/.test(selector)) return `:host(${host})${selector.slice(':host'.length)}`;
  return `:host(${host}) ${selector}`;
}

/** Splits on commas outside parentheses, brackets and strings. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let at = 0;
  while (at < list.length) {
    at = skipTo(list, at, /,/);
    parts.push(list.slice(start, at));
    start = ++at;
  }
  if (start === list.length && list.endsWith(',')) parts.push('');
  return parts;
}

/**
 * The index of the first character matching `stop` at nesting depth 0 from `from`, outside
 * strings and parentheses/brackets; `text.length` if none.
 */
function skipTo(text: string, from: number, stop: RegExp): number {
  let depth = 0;
  for (let at = from; at < text.length; at++) {
    const char = text[at]!;
    if (char === '"' || char === "'") at = skipString(text, at);
    else if (char === '\\') at++;
    else if (depth === 0 && stop.test(char)) return at;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
  }
  return text.length;
}

/** From just inside a `{`: the index of its matching `}`. */
function skipBlock(text: string, from: number): number {
  let depth = 0;
  for (let at = from; at < text.length; at++) {
    const char = text[at]!;
    if (char === '"' || char === "'") at = skipString(text, at);
    else if (char === '\\') at++;
    else if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) return at;
      depth--;
    }
  }
  throw new Error('unterminated block in the styles');
}

/** From a quote: the index of the quote that closes the string. */
function skipString(text: string, from: number): number {
  const quote = text[from];
  for (let at = from + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === quote) return at;
  }
  return text.length;
}

function stripComments(css: string): string {
  let out = '';
  for (let at = 0; at < css.length; at++) {
    const char = css[at]!;
    if (char === '"' || char === "'") {
      const end = skipString(css, at);
      out += css.slice(at, end + 1);
      at = end;
    } else if (char === '/' && css[at + 1] === '*') {
      const end = css.indexOf('*/', at + 2);
      at = end === -1 ? css.length : end + 1;
      out += ' ';
    } else out += char;
  }
  return out;
}

/** Runs of white space as one space (none at the ends); strings are kept as they are. */
function collapse(css: string): string {
  let out = '';
  for (let at = 0; at < css.length; at++) {
    const char = css[at]!;
    if (char === '"' || char === "'") {
      const end = skipString(css, at);
      out += css.slice(at, end + 1);
      at = end;
    } else if (/\s/.test(char)) {
      while (/\s/.test(css[at + 1] ?? '')) at++;
      out += ' ';
    } else out += char;
  }
  return out.trim();
}
