/**
 * build/json-ld.js, on pages where a widget asks for JSON-LD (the block's "Describe the analysis
 * for search engines"): once a widget inside `[data-nw-json-ld="<permalink>"]` is ready, its
 * analysis is described in schema.org terms in a `<script type="application/ld+json">` in the
 * head, with the library's own `jsonLdScript` (once per analysis and page address).
 * Runs after the library script, in the head; also picks up widgets that were ready before it ran.
 */
import { jsonLdScript } from '../../jsonld/analysis-jsonld.js';
import type { Analysis } from '../../schema/analysis.js';

const described = new Set<string>();

function describe(analysis: Analysis, url: string | null): void {
  if (!url || described.has(`${url}\n${analysis.id}`)) return;
  described.add(`${url}\n${analysis.id}`);
  try {
    document.head.insertAdjacentHTML('beforeend', jsonLdScript(analysis, { url }));
  } catch (error) {
    console.warn('newsroom-widgets: no JSON-LD for this page:', error);
  }
}

document.addEventListener(
  'nw-ready',
  (event) => {
    const host = (event.target as Element | null)?.closest?.('[data-nw-json-ld]');
    if (host) describe(event.detail.analysis, host.getAttribute('data-nw-json-ld'));
  },
  true,
);

for (const host of document.querySelectorAll('[data-nw-json-ld]')) {
  for (const el of host.querySelectorAll('*')) {
    const analysis = (el as { currentAnalysis?: Analysis }).currentAnalysis;
    if (analysis) describe(analysis, host.getAttribute('data-nw-json-ld'));
  }
}
