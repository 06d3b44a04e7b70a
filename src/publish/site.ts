/**
 * The static embed site `newsroom-widgets publish` writes, as pure functions of the analyses
 * and the base URL: file names and their text, nothing read or written here, so the same
 * input always gives the same bytes.
 *
 * For an analysis with id ID, under BASE (the base URL with one trailing slash):
 *
 * - `ID/index.json`: every view with its embed page, oEmbed JSON, static fragment, snippet and height;
 * - `ID/analysis.json` (as validated), `ID/analysis.jsonld`;
 * - per view: `ID/<view>.html` (the embed page), `ID/<view>.oembed.json`, `ID/<view>.static.html`.
 *
 * `embed.js` beside the folders is copied by the command, not built here.
 */
import { analysisJsonLd } from '../jsonld/analysis-jsonld.js';
import { escapeAttribute } from '../internal/markup.js';
import type { Analysis } from '../schema/analysis.js';
import { VERSION } from '../version.js';
import { publishViews, type PublishView } from './views.js';

/** WordPress clamps an embed's height to this range (wp-embed.js); so does the oEmbed's `height`. */
export const OEMBED_MIN_HEIGHT = 200;
export const OEMBED_MAX_HEIGHT = 1000;

export const DEFAULT_PROVIDER_NAME = 'newsroom-widgets';

/** The static render's styles (staticStylesheet()), beside the folders: linked, never inline (strict CSP). */
export const STYLESHEET_FILE = 'newsroom-widgets.css';
/** Its address from an embed page, and the script's. */
export const PAGE_STYLESHEET = `../${STYLESHEET_FILE}`;
// The version in the script's address: a host or CDN that keeps embed.js cached for long must not
// serve the last release's script to pages published with this one.
export const PAGE_SCRIPT = `../embed.js?v=${VERSION}`;

/** The base URL with exactly one trailing slash, or a one-line reason it is not http(s). */
export function normalizeBaseUrl(value: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `--base-url must be an absolute http(s) URL, not "${value}"` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: `--base-url must be http(s), not ${url.protocol.replace(/:$/, '')}` };
  if (url.search || url.hash) return { problem: '--base-url must be a folder address, without ? or #' };
  return { url: url.href.replace(/\/*$/, '/') };
}

/** One view with its addresses, ready to write. */
export interface PlannedView extends PublishView {
  /** Absolute URLs. */
  embed: string;
  oembed: string;
  static: string;
  /** The view's static render (renderHtml output), linking the stylesheet by its absolute URL. */
  staticHtml: string;
  /** The same render for the embed page, linking the stylesheet beside the folders. */
  pageStaticHtml: string;
  /** The script-tag snippet the builder writes for the view (the element prerendered, linking the stylesheet by its absolute URL). */
  snippet: string;
}

export interface SiteOptions {
  /** Normalized: one trailing slash. */
  baseUrl: string;
  providerName?: string;
}

/** Words on the page around the element, in the analysis's language where we have them. */
const FULL_ANALYSIS: Record<string, string> = { en: 'Read the full analysis', es: 'Lee el análisis completo' };
const fullAnalysisText = (language: string): string =>
  FULL_ANALYSIS[language.split('-')[0]!.toLowerCase()] ?? FULL_ANALYSIS.en!;

export const viewUrls = (baseUrl: string, id: string, view: string) => ({
  embed: `${baseUrl}${id}/${view}.html`,
  oembed: `${baseUrl}${id}/${view}.oembed.json`,
  static: `${baseUrl}${id}/${view}.static.html`,
});

/**
 * The embed page of a view: readable on its own without JavaScript (the static render), with
 * oEmbed discovery and a canonical link, and the classic script beside the folders (no
 * integrity, no crossorigin: it must load in a `sandbox="allow-scripts"` frame, origin null).
 * The stylesheet is linked in <head> too: Chromium paints before a stylesheet linked only
 * inside a shadow root arrives, not before one in <head> (and the shadow roots reuse it).
 */
export function embedPageHtml(analysis: Analysis, view: PlannedView, baseUrl: string): string {
  const title = escapeAttribute(view.title);
  const full =
    view.view === 'analysis'
      ? ''
      : `<p class="nw-full-analysis"><a href="${escapeAttribute(`${baseUrl}${analysis.id}/analysis.html`)}">${escapeAttribute(fullAnalysisText(analysis.language))}</a></p>\n`;
  return `<!doctype html>
<html lang="${escapeAttribute(analysis.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsroom-widgets ${VERSION}">
<title>${title}</title>
<link rel="canonical" href="${escapeAttribute(view.embed)}">
<link rel="alternate" type="application/json+oembed" href="${escapeAttribute(view.oembed)}" title="${title}">
<link rel="stylesheet" href="${PAGE_STYLESHEET}">
<script src="${PAGE_SCRIPT}" defer></script>
</head>
<body>
${view.pageStaticHtml}${full}</body>
</html>
`;
}

/** WordPress's clamp. */
export const clampHeight = (height: number): number =>
  Math.min(OEMBED_MAX_HEIGHT, Math.max(OEMBED_MIN_HEIGHT, Math.round(height)));

/**
 * The oEmbed `html`: a `<blockquote>` (WordPress loads wp-embed.js, which sizes the frame,
 * only when there is one) and the frame, sandboxed as WordPress makes it, full width, scrolling
 * when the content is taller than the clamp allows.
 */
export function oembedHtml(view: Pick<PlannedView, 'embed' | 'title'>, height: number): string {
  const embed = escapeAttribute(view.embed);
  const title = escapeAttribute(view.title);
  return (
    `<blockquote class="wp-embedded-content"><a href="${embed}">${title}</a></blockquote>` +
    `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${embed}" title="${title}"` +
    ` width="100%" height="${clampHeight(height)}" frameborder="0" marginwidth="0" marginheight="0" scrolling="yes" loading="lazy"></iframe>`
  );
}

export interface OEmbedJson {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  height: number;
  html: string;
}

export function oembedJson(view: PlannedView, height: number, options: SiteOptions): OEmbedJson {
  return {
    version: '1.0',
    type: 'rich',
    title: view.title,
    provider_name: options.providerName || DEFAULT_PROVIDER_NAME,
    provider_url: options.baseUrl,
    height: clampHeight(height),
    html: oembedHtml(view, height),
  };
}

export interface IndexView {
  view: string;
  element: string;
  actor?: string;
  embed: string;
  oembed: string;
  static: string;
  snippet: string;
  height: number;
}

export function indexJson(analysis: Analysis, views: readonly PlannedView[], heights: ReadonlyMap<string, number>) {
  return {
    id: analysis.id,
    question: analysis.question,
    views: views.map((view): IndexView => ({
      view: view.view,
      element: view.element,
      ...(view.actor !== undefined ? { actor: view.actor } : {}),
      embed: view.embed,
      oembed: view.oembed,
      static: view.static,
      snippet: view.snippet,
      height: heights.get(view.view) ?? 0,
    })),
  };
}

/**
 * A file name of a view's (`<view>.html`, `.oembed.json`, `.static.html`) in an analysis's folder:
 * what a later publish of that analysis may remove when the view is gone, and nothing else.
 */
export const isViewFileName = (name: string): boolean => /^[a-z0-9-]+\.(?:html|oembed\.json|static\.html)$/.test(name);

/** JSON as the files hold it: two spaces, a final line break. */
export const jsonFile = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Every view of `analysis` with its addresses. `render` and `snippet` give the static render
 * (linking the given stylesheet address) and the builder's snippet of a view by `jsonUrl`,
 * its static render linking `stylesheet` (render-views.ts passes the static render and viewSnippet).
 */
export function planViews(
  analysis: Analysis,
  baseUrl: string,
  render: (view: PublishView, stylesheet: string) => string,
  snippet: (view: PublishView, jsonUrl: string, stylesheet: string) => string,
): PlannedView[] {
  const jsonUrl = `${baseUrl}${analysis.id}/analysis.json`;
  return publishViews(analysis).map((view) => ({
    ...view,
    ...viewUrls(baseUrl, analysis.id, view.view),
    staticHtml: render(view, `${baseUrl}${STYLESHEET_FILE}`),
    pageStaticHtml: render(view, PAGE_STYLESHEET),
    snippet: snippet(view, jsonUrl, `${baseUrl}${STYLESHEET_FILE}`),
  }));
}

/**
 * The files of one analysis, by path relative to the output folder (forward slashes), in a
 * fixed order. `heights` has each view's height at 375 px wide (unclamped).
 */
export function analysisFiles(
  analysis: Analysis,
  views: readonly PlannedView[],
  heights: ReadonlyMap<string, number>,
  options: SiteOptions,
): Map<string, string> {
  const { baseUrl } = options;
  const folder = analysis.id;
  const files = new Map<string, string>();
  files.set(`${folder}/index.json`, jsonFile(indexJson(analysis, views, heights)));
  files.set(`${folder}/analysis.json`, jsonFile(analysis));
  files.set(
    `${folder}/analysis.jsonld`,
    jsonFile(analysisJsonLd(analysis, { url: `${baseUrl}${folder}/analysis.html` })),
  );
  for (const view of views) {
    files.set(`${folder}/${view.view}.html`, embedPageHtml(analysis, view, baseUrl));
    files.set(`${folder}/${view.view}.oembed.json`, jsonFile(oembedJson(view, heights.get(view.view) ?? 0, options)));
    files.set(`${folder}/${view.view}.static.html`, view.staticHtml);
  }
  return files;
}
