/**
 * The script-tag code for a view: the module script (jsDelivr's, or the same file under the
 * newsroom's own base) and the element, with the analysis inline (`for=`, a guarded data
 * script) or by address (`src=`). One home for the embed builder (demo/builder-snippets.ts)
 * and `newsroom-widgets publish` (each view's `snippet` in index.json).
 *
 * Both hand out the element already rendered (`prerendered`: its declarative shadow DOM, from
 * the builder's live preview or publish's static render), not an empty tag: a module script
 * runs after the article has painted, and an empty element then appears at its full height
 * and pushes the text below it down (layout shift 0.10–0.16 in `npm run bench`, more with a
 * slow CPU or a slow JSON). The rendered element has its final height at any width and in the
 * article's own font before the script runs, and the script upgrades it in place.
 */
import { dataScript, escapeAttribute } from './markup.js';
import type { StandaloneElement, Theme } from './standalone-elements.js';
import { jsonLdScript } from '../jsonld/analysis-jsonld.js';
import type { Analysis } from '../schema/analysis.js';

/** The languages of the elements' own words. */
export type Lang = 'en' | 'es';

export const CDN_FILE = 'newsroom-widgets.js';
/** The package's dist/ folder on jsDelivr: the default home of the library's files. */
export const cdnBase = (version: string): string => `https://cdn.jsdelivr.net/npm/newsroom-widgets@${version}/dist/`;
/** An address with exactly one slash at the end, ready for a file name. */
export const withSlash = (base: string): string => base.replace(/\/*$/, '/');
/** The script tag's file under a base (the package's dist/ folder, wherever it is served). */
export const scriptUrl = (base: string): string => `${withSlash(base)}cdn/${CDN_FILE}`;
export const cdnUrl = (version: string): string => scriptUrl(cdnBase(version));

export interface SnippetChoice {
  analysis: Analysis;
  element: StandaloneElement;
  actor?: string | undefined;
  lang: Lang;
  theme: Theme;
  /** Where the editor will put the JSON file (http(s)); required for the iframe. */
  jsonUrl?: string | undefined;
  /**
   * Where the library's files are served: the package's dist/ folder (cdn/newsroom-widgets.js,
   * embed.html, embed/resizer.js). Default jsDelivr for `version`.
   */
  base?: string | undefined;
  /** The folder serving embed.html and embed/resizer.js, for callers written before `base`: the iframe's base when `base` is absent. */
  embedBase?: string | undefined;
  /** Where `newsroom-widgets publish` output is uploaded (its --base-url): the link kind's pages. */
  siteBase?: string | undefined;
  version: string;
  /** The SRI hash of the CDN file, when known. */
  integrity?: string | undefined;
  /** Add the analysis as schema.org JSON-LD (script and static code). */
  jsonLd?: boolean;
  /**
   * The element itself already rendered (its tag, attributes and declarative shadow DOM), to
   * write instead of the empty element: it shows at its final height before the script runs.
   */
  prerendered?: string | undefined;
  /**
   * A stylesheet the prerendered element's shadow roots link (publish's newsroom-widgets.css),
   * also linked before it in the page: Chromium holds the content after a stylesheet link in
   * the body until it arrives, not for one linked only inside a shadow root.
   */
  stylesheet?: string | undefined;
}

export const dataScriptId = (analysis: Analysis): string => `nw-data-${analysis.id}`;

/** The library's base for a choice: `base`, else jsDelivr. */
export const libraryBase = (choice: Pick<SnippetChoice, 'base' | 'version'>): string =>
  withSlash(choice.base ?? cdnBase(choice.version));

/**
 * The module script (jsDelivr's, or the same file under another base), with its integrity hash
 * when it is known (never a made-up one).
 */
export function cdnScriptTag(version: string, integrity: string | undefined, base = cdnBase(version)): string {
  const sri = integrity ? ` integrity="${escapeAttribute(integrity)}"` : '';
  return `<script type="module" src="${escapeAttribute(scriptUrl(base))}"${sri} crossorigin="anonymous"></script>`;
}

/**
 * `<script type="application/json" id=…>` holding the document, safe inside any HTML; its JSON
 * sits in a comment, so a CMS that strips the script leaves no data as text.
 */
export const dataScriptTag = (analysis: Analysis): string => dataScript(dataScriptId(analysis), analysis);

/** The element's attributes: where the data is, then the options. */
export function elementAttributes(choice: SnippetChoice, data: 'for' | 'src' | 'none'): string {
  const attributes: [string, string][] = [];
  if (data === 'src' && choice.jsonUrl) attributes.push(['src', choice.jsonUrl]);
  if (data === 'for') attributes.push(['for', dataScriptId(choice.analysis)]);
  if (choice.element === 'nw-stance-card' && choice.actor) attributes.push(['actor', choice.actor]);
  attributes.push(['lang', choice.lang], ['theme', choice.theme]);
  return attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
}

export function scriptSnippet(choice: SnippetChoice): string {
  const lines = choice.stylesheet ? [`<link rel="stylesheet" href="${escapeAttribute(choice.stylesheet)}">`] : [];
  lines.push(cdnScriptTag(choice.version, choice.integrity, libraryBase(choice)));
  const data = choice.jsonUrl ? 'src' : 'for';
  if (data === 'for') lines.push(dataScriptTag(choice.analysis));
  lines.push(choice.prerendered?.trim() ?? `<${choice.element}${elementAttributes(choice, data)}></${choice.element}>`);
  if (choice.jsonLd) lines.push(jsonLdScript(choice.analysis));
  return lines.join('\n');
}
