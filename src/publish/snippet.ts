/**
 * The script-tag code the embed builder writes for a view, with the analysis loaded from the
 * published `analysis.json`: the builder's own `scriptSnippet` (internal/script-snippet.ts).
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

export const viewSnippet = (analysis: Analysis, view: PublishView, jsonUrl: string, settings: SnippetSettings) =>
  scriptSnippet({
    analysis,
    element: view.element,
    actor: view.actor,
    lang: snippetLang(analysis),
    theme: 'light',
    jsonUrl,
    version: settings.version,
    integrity: settings.integrity,
  });
