/**
 * The one renderer for `[n]` markers in any element's text. Text is always rendered as
 * text (Lit escapes it); markers become buttons that open the source's popover, named by
 * the source's title, not just a number.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Analysis } from '../schema/analysis.js';
import { splitCitations } from '../schema/citations.js';
import { indexOf } from './analysis-index.js';
import type { CoreMessages as Messages } from './i18n/en.js';

export function citation(id: string, analysis: Analysis, t: Messages): TemplateResult {
  const source = indexOf(analysis).sources.get(id);
  if (!source) return html`[${id}]`;
  // A button, not a link: it opens the source's popover (see citation-popover.ts), which
  // holds the link out. The accessible name carries the title, not just the number.
  return html`<button type="button" class="cite" part="citation" data-cite=${id} aria-expanded="false"
    aria-haspopup="dialog" aria-label=${`${t.source} ${id}${t.colon} ${source.title}`}>[${id}]</button>`;
}

/** Text with its markers rendered as citations. */
export function citedText(text: string, analysis: Analysis, t: Messages): unknown[] {
  return splitCitations(text).map((part) => ('text' in part ? part.text : citation(part.cite, analysis, t)));
}

/** A "Sources: [1] [4]" line for a list of source ids; nothing when the list is empty. */
export function sourceLine(ids: readonly string[], analysis: Analysis, t: Messages) {
  if (ids.length === 0) return nothing;
  return html`<p class="source-line" part="sources"><span class="source-line-label">${t.sources}${t.colon}</span>
    ${ids.map((id) => html`${citation(id, analysis, t)} `)}</p>`;
}
