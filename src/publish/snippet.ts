/**
 * The script-tag code the embed builder writes for a view, with the analysis loaded from the
 * published `analysis.json`: the same text as demo/builder-snippets.ts `scriptSnippet` (the
 * package does not ship demo/; test/node/publish.test.ts checks the two agree).
 */
import { escapeAttribute } from '../internal/markup.js';
import type { Analysis } from '../schema/analysis.js';
import type { PublishView } from './views.js';

export const cdnUrl = (version: string): string =>
  `https://cdn.jsdelivr.net/npm/newsroom-widgets@${version}/dist/cdn/newsroom-widgets.js`;

/** The builder's two languages for the elements' own words: Spanish for `es…`, else English. */
export const snippetLang = (analysis: Analysis): 'en' | 'es' => (/^es\b/i.test(analysis.language) ? 'es' : 'en');

export interface SnippetSettings {
  version: string;
  /** The SRI hash of the CDN file, when known (dist/cdn/integrity.json). */
  integrity?: string | undefined;
}

export function viewSnippet(analysis: Analysis, view: PublishView, jsonUrl: string, settings: SnippetSettings): string {
  const sri = settings.integrity ? ` integrity="${escapeAttribute(settings.integrity)}"` : '';
  const script = `<script type="module" src="${escapeAttribute(cdnUrl(settings.version))}"${sri} crossorigin="anonymous"></script>`;
  const attributes: [string, string][] = [['src', jsonUrl]];
  if (view.element === 'nw-stance-card' && view.actor) attributes.push(['actor', view.actor]);
  attributes.push(['lang', snippetLang(analysis)], ['theme', 'light']);
  const list = attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  return `${script}\n<${view.element}${list}></${view.element}>`;
}
