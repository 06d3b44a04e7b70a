/**
 * What every element shares: the `--nw-*` system tokens, light/dark/auto themes, a reset
 * against the host page, and the loading and error views.
 *
 * Tokens: a page sets `--nw-*` (documented in the README); elements read the private
 * `--_*` copies, which fall back to the theme's defaults. Dark theme changes only the
 * defaults, so a page's own tokens win in both themes.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Loading placeholder heights by container width, in em: `placeholderHeights(32, [[64, 36],
 * [50, 43]])` reserves 32em, 36em up to 64em wide, 43em up to 50em wide. Each element
 * measures its own (text-heavy content grows as the column narrows). Numbers only, so the
 * generated CSS cannot carry anything else.
 */
export function placeholderHeights(wide: number, bands: [maxWidthEm: number, heightEm: number][]): CSSResult {
  const rules = bands.map(
    ([width, height]) =>
      `@container (max-width: ${Number(width)}em) { .placeholder { --_placeholder-height: ${Number(height)}em; } }`,
  );
  return unsafeCSS(`.placeholder { --_placeholder-height: ${Number(wide)}em; }\n${rules.join('\n')}`);
}

/** Each colour token's light and dark default. A page's `--nw-color-*` wins in both themes. */
export const PALETTE = {
  text: ['#1c1c1c', '#ececec'],
  muted: ['#575757', '#b4b4b4'],
  surface: ['#ffffff', '#17181a'],
  'surface-alt': ['#f4f4f2', '#232428'],
  border: ['#c9c9c4', '#4a4b50'],
  accent: ['#0b57b0', '#8ab4f8'],
  supports: ['#1d7a3a', '#6dd58c'],
  opposes: ['#b3261e', '#f2938c'],
  mixed: ['#8a5a00', '#f0c060'],
  neutral: ['#4f5b66', '#b0bcc8'],
  unclear: ['#6b4fa0', '#c7b3f0'],
  error: ['#b3261e', '#f2938c'],
} satisfies Record<string, [light: string, dark: string]>;

const colorTokens = (theme: 0 | 1) =>
  Object.entries(PALETTE)
    .map(([name, values]) => `--_${name}:var(--nw-color-${name},${values[theme]});`)
    .join('');

/**
 * The themes, generated from the palette (static CSS, no page input). `data-on-dark`: an
 * element without a theme that draws on the page's own background (`<nw-cite>`'s marker) on
 * a dark page gets the dark theme (see isOnDarkBackground). Kept out of the
 * template below so that its interpolations sit between rules, where the build's CSS
 * minifier can parse around them.
 */
const themes = unsafeCSS(`:host{${colorTokens(0)}}
:host([theme='dark']),:host(:not([theme])[data-on-dark]){${colorTokens(1)}color-scheme:dark}
@media (prefers-color-scheme: dark){:host([theme='auto']){${colorTokens(1)}color-scheme:dark}}`);

export const baseStyles = css`
  ${themes}
  :host {
    /* Reset everything the host page could leak in, then inherit its font on purpose. */
    all: initial;
    display: block;
    --_radius: var(--nw-radius, 0.5rem);
    --_space: var(--nw-space, 1rem);
    font-family: var(--nw-font, inherit);
    /* The article's text size, but never unreadably small (pages with font-size: 0). */
    font-size: var(--nw-font-size, max(1em, 14px));
    line-height: 1.5;
    color: var(--_text);
    overflow-wrap: break-word;
    contain: layout;
  }
  :host([hidden]) {
    display: none;
  }
  /* A page rule on every element (\`* { font-size: 0 !important; color: red !important }\`)
     beats any :host rule, and what it sets on the host is inherited by everything inside.
     Page CSS cannot reach one level in: set the text properties again there. The size still
     follows the host's (a page may size the element), never below 14 px. Letter and word
     spacing are the reader's to widen (1.4.12): inherited, unless a page made them negative
     (data-tight, see TextSpacingController). */
  :host > * {
    font-size: max(1em, 14px);
    line-height: 1.5;
    color: var(--_text);
    -webkit-text-fill-color: currentcolor;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
  }
  :host([data-tight]) > * {
    letter-spacing: normal;
    word-spacing: normal;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2, h3, h4, p, ul, ol, blockquote, figure {
    margin: 0;
  }
  h2, h3, h4 {
    line-height: 1.25;
    font-weight: 700;
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* Loading: reserves about the final height so the article does not jump. Elements set
     --_placeholder-height per container width; editors who know better set the token. */
  .placeholder-frame {
    container-type: inline-size;
  }
  .placeholder {
    min-height: var(--nw-placeholder-height, var(--_placeholder-height, 10em));
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_muted);
    padding: var(--_space);
  }

  /* Nothing to show (no positions, no entries for a filter, no sources of a type): said
     quietly, in every element the same way. */
  .empty {
    color: var(--_muted);
  }

  /* Error: one line for readers, the exact problems for editors. */
  .error {
    border: 1px solid var(--_error);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  .error summary {
    cursor: pointer;
    color: var(--_muted);
    margin-top: 0.25rem;
  }
  .error ul {
    padding-inline-start: 1.25rem;
    margin-top: 0.25rem;
  }
  .error code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  .error button {
    font: inherit;
    margin-top: 0.5rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
    cursor: pointer;
  }

  /* Quotes (stances, statements): a rule in --_quote-rule (elements set it), typographic marks. */
  .quote {
    margin: 0;
    border-inline-start: 3px solid var(--_quote-rule, var(--_border));
    padding-inline-start: 0.75rem;
  }
  .quote blockquote {
    margin: 0;
    font-style: italic;
  }
  /* Arabic and Hebrew set no italics, nor letter-spaced capitals (spacing breaks Arabic's joins). */
  .quote blockquote:is(:lang(ar), :lang(he), :lang(fa), :lang(ur)) {
    font-style: normal;
  }
  :host([dir='rtl']) :is(.kind, .popover-label) {
    letter-spacing: normal;
  }

  /* The analysis's own text (marked with its \`lang\`) keeps its direction inside the chrome's:
     an English analysis reads left to right in Arabic chrome, isolated so bidi cannot scramble. */
  [lang] {
    unicode-bidi: isolate;
    direction: ltr;
  }
  [lang]:is(:lang(ar), :lang(he), :lang(fa), :lang(ur), :lang(ps), :lang(yi), :lang(dv), :lang(ug), :lang(sd), :lang(ckb)) {
    direction: rtl;
  }
  .quote blockquote p::before {
    content: open-quote;
  }
  .quote blockquote p::after {
    content: close-quote;
  }

  /* Citation markers: [3] in text, a button that opens the source's popover. */
  /* A real box (the focus ring outlines "[2]", not a flat bar), kept off the line's height by
     negative margins: lines with markers are as tall as lines without. */
  .cite {
    font: inherit;
    font-size: 0.75em;
    display: inline-block;
    vertical-align: super;
    line-height: 1.2;
    margin-block: -0.6em;
    white-space: nowrap;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0 0.1em;
    margin-inline: 0;
    cursor: pointer;
    text-decoration: underline dotted;
    text-underline-offset: 0.15em;
  }
  .cite[aria-expanded='true'] {
    text-decoration-style: solid;
  }
  /* "Sources: [1] [2]": a row of controls, not a sentence: targets of at least 24 px (2.5.8). */
  .source-line .cite {
    vertical-align: baseline;
    font-size: 1em;
    line-height: 24px;
    min-inline-size: 24px;
    min-block-size: 24px;
    margin-block: 0;
    text-align: center;
  }

  /* The source popover: a sheet at the bottom of narrow screens; on wider ones, anchored
     under its marker where the browser supports CSS anchor positioning. */
  .popover {
    position: fixed;
    inset: auto 0 0 0;
    width: 100%;
    max-width: none;
    margin: 0;
    box-sizing: border-box;
    padding: var(--_space);
    padding-inline-end: 2.75rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: 0 -4px 24px rgb(0 0 0 / 0.25);
    font-size: max(1em, 14px);
    line-height: 1.45;
    /* Never taller than the screen (a phone held sideways, 400% zoom: 256 px): it scrolls
       inside, its close button stays in view. The embed page lifts the cap (none): there the
       frame grows to show the popover whole. */
    max-block-size: var(--_popover-max-block-size, 100dvh);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  @media (min-width: 40rem) {
    @supports (position-area: block-end) {
      .popover {
        inset: auto;
        position-area: block-end span-inline-end;
        position-try-fallbacks: flip-block, flip-inline, flip-block flip-inline;
        width: max-content;
        max-width: min(26rem, calc(100vw - 2rem));
        max-block-size: var(--_popover-max-block-size, calc(100dvh - 0.7rem));
        margin: 0.35rem 0;
        border-radius: var(--_radius);
        box-shadow: 0 4px 24px rgb(0 0 0 / 0.2);
      }
    }
  }
  .popover:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .popover-label {
    font-size: 0.8em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .popover-title {
    font-weight: 700;
  }
  .popover-meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .popover-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin-top: 0.5rem;
  }
  .popover-jump,
  .popover-close {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-decoration: underline;
  }
  /* First in the popover, floated into the padding kept for it, and sticky: when the popover
     scrolls, the button stays at its top (a sticky box stays inside its containing block's
     content box, so it sits level with the first line, not in the top padding). */
  .popover-close {
    position: sticky;
    inset-block-start: 0;
    float: inline-end;
    margin-inline-end: calc(0.35rem - 2.75rem);
    width: 2rem;
    height: 2rem;
    font-size: 1.25em;
    line-height: 1;
    text-decoration: none;
    color: var(--_muted);
    background: var(--_surface);
    border-radius: var(--_radius);
  }

  /* Where a back-link or citation jump lands: a brief highlight. */
  [data-flash] {
    outline: 2px solid var(--_accent);
    outline-offset: 3px;
    border-radius: 2px;
  }
`;
