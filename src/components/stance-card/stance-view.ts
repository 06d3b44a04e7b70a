/**
 * One stance as a card: actor, position badge, headline, summary, quote, confidence and
 * citations. Shared by <nw-stance-card> and <nw-stances> without either registering the other.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Analysis, Stance } from '../../schema/analysis.js';
import { indexOf } from '../../internal/analysis-index.js';
import { citedText, sourceLine } from '../../internal/citations.js';
import type { CoreMessages as Messages } from '../../internal/i18n/en.js';
import { positionBadge } from './position-badge.js';

export interface StanceViewContext {
  analysis: Analysis;
  t: Messages;
  formatDate: (value: string) => string;
  /** Heading level of the headline, so the card fits the page's outline. */
  headingLevel: number;
  /** The element's own language, for what its words name (markers). */
  lang: string;
}

export function stanceView(
  stance: Stance,
  { analysis, t, formatDate, headingLevel, lang: tag }: StanceViewContext,
): TemplateResult {
  const actor = indexOf(analysis).actors.get(stance.actor);
  const lang = analysis.language;
  const meta = [actor ? t.actorKinds[actor.kind] : undefined, actor?.country].filter(Boolean).join(' · ');
  const { quote } = stance;
  // The card is one block: its Sources line repeats what its text cites (see citations.ts).
  const block = new Set<string>();
  return html`<article class="stance stance--${stance.position}" part="base" aria-labelledby="headline-${stance.id}">
    <header class="stance-header">
      <p class="actor" part="actor">
        <span class="actor-name" lang=${lang}>${actor?.name ?? stance.actor}</span>
        ${meta ? html`<span class="actor-meta">${meta}</span>` : nothing}
      </p>
      ${positionBadge(stance.position, t)}
    </header>
    <p role="heading" aria-level=${headingLevel} class="headline" part="headline" id="headline-${stance.id}" lang=${lang}>
      ${citedText(stance.headline, analysis, t, block, tag)}
    </p>
    <p class="summary" part="summary" lang=${lang}>${citedText(stance.summary, analysis, t, block, tag)}</p>
    ${
      quote
        ? html`<figure class="quote" part="quote">
          <blockquote lang=${lang}><p>${citedText(quote.text, analysis, t, block, tag)}</p></blockquote>
          ${
            quote.speaker || quote.date
              ? html`<figcaption>
                ${quote.speaker ? html`<span lang=${lang}>${quote.speaker}</span>` : nothing}${quote.speaker && quote.date ? t.comma : nothing}${
                  quote.date ? html`<time datetime=${quote.date}>${formatDate(quote.date)}</time>` : nothing
                }
              </figcaption>`
              : nothing
          }
        </figure>`
        : nothing
    }
    <footer class="stance-footer">
      ${
        stance.confidence
          ? html`<p class="confidence confidence--${stance.confidence}" part="confidence">
            <span class="confidence-label">${t.confidence}${t.colon}</span> ${t.confidenceLevels[stance.confidence]}
          </p>`
          : nothing
      }
      ${sourceLine(stance.sources, analysis, t, block, tag)}
    </footer>
  </article>`;
}
