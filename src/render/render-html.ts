/**
 * Static HTML for an element, rendered on the server with Lit SSR: the element with its
 * content in a declarative shadow root (`<template shadowrootmode="open">`), readable with
 * JavaScript off, and the analysis it needs beside it, so that when the script loads the
 * element renders the same content again without a request (see NwElement: served content
 * stays until the element's own outcome replaces it, in one task, so nothing jumps).
 *
 * Node only. The elements render through their SSR path (no DOM globals are installed: Lit's
 * own shim registers the elements in a registry of its own).
 */
import { localeReady, resolveLocale } from '../internal/i18n/locale.js';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import '../define.js';
import { jsonLdScript, type AnalysisJsonLdOptions } from '../jsonld/analysis-jsonld.js';
import type { Analysis } from '../schema/analysis.js';
import type { AnalysisError } from '../schema/validate.js';
import { validateValue } from '../internal/data/validated.js';
import { dataScript, escapeAttribute, guardedStyle } from '../internal/markup.js';
import {
  isStandaloneElement,
  isTheme,
  STANDALONE_ELEMENTS,
  THEMES,
  type StandaloneElement,
  type Theme,
} from '../internal/standalone-elements.js';
import type { NwElement } from '../internal/nw-element.js';

/** The elements `renderHtml` renders (`<nw-cite>` lives inside a page's own text instead). */
export const RENDERABLE_ELEMENTS = Object.keys(STANDALONE_ELEMENTS) as readonly StandaloneElement[];
export type RenderableElement = StandaloneElement;

export interface RenderOptions {
  /** Which element to render. */
  element: RenderableElement;
  /** `<nw-stance-card>`: the actor whose stance to show. */
  actor?: string;
  /** `<nw-stance-card>`: the stance to show (wins over `actor`). */
  stance?: string;
  /** The language of the element's own words (`en`, `es`); default: the analysis's language. */
  lang?: string;
  /** `light` (default), `dark` or `auto`. */
  theme?: Theme;
  /**
   * Append the analysis as schema.org JSON-LD (`<script type="application/ld+json">`).
   * Give `{ url }`, the page's address, for absolute ids.
   */
  jsonLd?: boolean | AnalysisJsonLdOptions;
  /**
   * Where the page serves the analysis JSON. The element gets `src=` (one request when the
   * script loads) instead of the analysis inline in a `<script type="application/json">`.
   */
  src?: string;
  /** The id of the inline data script (default `nw-data-<analysis id>`); ignored with `src`. */
  dataId?: string;
  /**
   * Write the inline data script with the element (default `true`). Several elements of one
   * page showing the same analysis can share one script: give `false` to all renders but one
   * (or to all, and write the script once with {@link renderDataScript}). The element still
   * reads it by its id (`for=`), wherever on the page the script is. Ignored with `src`.
   */
  dataScript?: boolean;
  /**
   * The address of the static stylesheet (the text of `staticStylesheet()`, served from the
   * page's own origin). Each shadow root links it (`<link rel="stylesheet">`) instead of
   * carrying its styles in a `<style>`, which a Content-Security-Policy without
   * `'unsafe-inline'` in `style-src` refuses.
   */
  stylesheet?: string;
}

/** The analysis cannot be rendered: invalid (`error.issues` has every problem) or nothing selected. */
export class RenderError extends Error {
  readonly error: AnalysisError;

  constructor(error: AnalysisError) {
    const lines = (error.issues ?? []).map((issue) => `\n  ${issue.path || '(document)'}: ${issue.message}`);
    super(`${error.message}${lines.join('')}`);
    this.name = 'RenderError';
    this.error = error;
  }
}

/**
 * Lit's SSR markers and nested elements' `defer-hydration` are for hydration; these elements
 * re-render instead, so they are left out. Text and attribute values are escaped by Lit
 * (`<` and `>` included), so neither can be mistaken for them.
 */
const SSR_MARKERS = /<!--\/?lit-(?:part|node)[^>]*-->|<\?>/g;

/**
 * Renders `analysis` (an object or JSON text) as static HTML for `options.element`:
 *
 * ```html
 * <script type="application/json" id="nw-data-…"><!--{…}--></script>
 * <nw-stance-card for="nw-data-…" actor="…"><template shadowrootmode="open">…</template></nw-stance-card>
 * ```
 *
 * Rejects with a {@link RenderError} carrying the validator's problems (JSON path and
 * message each) when the analysis is invalid, or when the element selects something the
 * analysis does not have (`actor`, `stance`); with a TypeError for wrong options.
 */
export async function renderHtml(analysis: unknown, options: RenderOptions): Promise<string> {
  let language: unknown;
  try {
    language = (typeof analysis === 'string' ? JSON.parse(analysis) : analysis)?.language;
  } catch {
    // not JSON: renderHtmlSync says so
  }
  // Languages other than English and Spanish are files of their own: loaded first.
  await localeReady(options.lang || (typeof language === 'string' ? language : 'en'));
  return renderHtmlSync(analysis, options);
}

/**
 * The inline data script alone (`<script type="application/json" id="nw-data-…">`), for a page
 * whose renders all say `dataScript: false`: one copy of the analysis however many elements
 * show it. Rejects an invalid analysis as `renderHtml` does. `dataId` as in the renders.
 */
export function renderDataScript(analysis: unknown, options: Pick<RenderOptions, 'dataId'> = {}): string {
  const result = validateValue(analysis);
  if (!result.ok) throw new RenderError(result.error);
  return `${dataScript(defaultDataId(result.analysis, options), result.analysis)}\n`;
}

const defaultDataId = (analysis: Analysis, options: Pick<RenderOptions, 'dataId'>) =>
  options.dataId || `nw-data-${analysis.id}`;

/**
 * {@link renderHtml}, synchronously: in English, Spanish or a registered language, or one whose
 * file `localeReady(tag)` (from `newsroom-widgets/render`) has loaded; other languages render in English.
 */
export function renderHtmlSync(analysis: unknown, options: RenderOptions): string {
  const { element, theme } = options;
  // An empty option is no option (a CLI flag or a form field left blank).
  const [actor, stance, lang, src, stylesheet] = [
    options.actor,
    options.stance,
    options.lang,
    options.src,
    options.stylesheet,
  ].map((value) => value || undefined);
  if (!isStandaloneElement(element)) {
    throw new TypeError(`element must be one of ${RENDERABLE_ELEMENTS.join(', ')}, not ${JSON.stringify(element)}`);
  }
  if (theme !== undefined && !isTheme(theme)) {
    throw new TypeError(`theme must be one of ${THEMES.join(', ')}, not ${JSON.stringify(theme)}`);
  }
  if (stylesheet !== undefined && typeof stylesheet !== 'string') {
    throw new TypeError(`stylesheet must be a URL string, not ${JSON.stringify(stylesheet)}`);
  }
  const result = validateValue(analysis);
  if (!result.ok) throw new RenderError(result.error);
  const document = result.analysis;

  const ctor = customElements.get(element) as (new () => NwElement) | undefined;
  if (!ctor) throw new Error(`<${element}> is not registered: another copy of newsroom-widgets holds the tag`);
  const properties = { analysis: document, actor, stance, lang };
  const missing = selectionProblem(ctor, properties);
  if (missing) throw new RenderError({ code: 'not-found', message: missing });

  const dataId = src ? undefined : defaultDataId(document, options);
  // Right to left from the first paint, as the element sets it in the browser.
  const dir = resolveLocale(null, lang || document.language).dir === 'rtl' ? 'rtl' : undefined;
  const tag = unsafeStatic(element);
  // `.analysis` is what the server renders from; `for` or `src` is what the browser reads.
  // The tag is a lit/static-html `unsafeStatic`, which the lit lint rules cannot see.
  /* oxlint-disable lit/binding-positions, lit/no-invalid-html */
  const template = html`<${tag} for=${ifDefined(dataId)} src=${ifDefined(src)} actor=${ifDefined(actor)}
    stance=${ifDefined(stance)} lang=${ifDefined(lang)} dir=${ifDefined(dir)} theme=${ifDefined(theme)} .analysis=${document}></${tag}>`;
  /* oxlint-enable lit/binding-positions, lit/no-invalid-html */
  const markup = collectResultSync(render(template))
    .replace(SSR_MARKERS, '')
    .replace(/ defer-hydration(?=>)/g, '')
    // Lit's SSR writes each shadow root's styles as a <style>: guarded like the builder's, or
    // a link to the static stylesheet (which has every element's styles, scoped to its tag).
    .replace(/<style>([^]*?)<\/style>/g, (_, css: string) =>
      stylesheet ? `<link rel="stylesheet" href="${escapeAttribute(stylesheet)}">` : guardedStyle(css),
    )
    // One space between attributes (the template's line breaks and omitted ones leave runs).
    .replace(/^<[^>]*>/, (open) =>
      open.replace(/("[^"]*")|\s+/g, (run, quoted?: string) => quoted ?? ' ').replace(/ >$/, '>'),
    );
  if (/<div class="error" part="error">/.test(markup)) {
    // A bug, not a document problem: the element rendered its error state.
    throw new Error(`<${element}> could not render this analysis; please report it with the document`);
  }

  const parts: string[] = [];
  if (dataId && options.dataScript !== false) parts.push(dataScript(dataId, document));
  parts.push(markup);
  if (options.jsonLd) parts.push(jsonLdScript(document, options.jsonLd === true ? {} : options.jsonLd));
  return `${parts.join('\n')}\n`;
}

/** What the element would show as "not found" for these properties, if anything. */
function selectionProblem(ctor: new () => NwElement, properties: Record<string, unknown>): string | undefined {
  const probe = new ctor();
  for (const [name, value] of Object.entries(properties)) {
    if (value !== undefined) (probe as unknown as Record<string, unknown>)[name] = value;
  }
  if (probe.state !== 'error') return undefined;
  // The element's own (localized) sentence; `selectionError` is protected API.
  const select = probe as unknown as { selectionError(analysis: Analysis): string | undefined };
  return select.selectionError(properties.analysis as Analysis) ?? `<${probe.localName}> cannot show this analysis`;
}
