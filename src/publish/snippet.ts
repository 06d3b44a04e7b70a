/**
 * The script-tag code the embed builder writes for a view, with the analysis loaded from the
 * published `analysis.json`: the builder's own `scriptSnippet` (internal/script-snippet.ts),
 * with the element already rendered (the view's static render by `src=`, its shadow roots
 * linking the published stylesheet) so that it holds its final height before the script runs.
 */
import { scriptSnippet } from '../internal/script-snippet.js';
import type { Analysis } from '../schema/analysis.js';
import type { PublishView } from './views.js';

/** The builder's two languages for the elements' own words: Spanish for `es…`, else English. */
export const snippetLang = (analysis: Analysis): 'en' | 'es' => (/^es\b/i.test(analysis.language) ? 'es' : 'en');

export interface SnippetSettings {
  version: string;
  /** The SRI hash of the CDN file, when known (dist/cdn/integrity.json). */
  integrity?: string | undefined;
}

/** The element, its options and its address as the snippet writes them, for the static render of the view. */
export const snippetRenderOptions = (analysis: Analysis, view: PublishView, jsonUrl: string, stylesheet: string) => ({
  element: view.element,
  ...(view.actor !== undefined ? { actor: view.actor } : {}),
  lang: snippetLang(analysis),
  theme: 'light' as const,
  src: jsonUrl,
  stylesheet,
});

export const viewSnippet = (
  analysis: Analysis,
  view: PublishView,
  jsonUrl: string,
  settings: SnippetSettings,
  prerendered?: { html: string; stylesheet: string },
) =>
  scriptSnippet({
    analysis,
    element: view.element,
    actor: view.actor,
    lang: snippetLang(analysis),
    theme: 'light',
    jsonUrl,
    version: settings.version,
    integrity: settings.integrity,
    prerendered: prerendered?.html,
    stylesheet: prerendered?.stylesheet,
  });
