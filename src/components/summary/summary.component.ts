import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { Analysis } from '../../schema/analysis.js';
import type { CitingPlace } from '../../internal/cited-in.js';
import { citedText } from '../../internal/citations.js';
import { headingTag } from '../../internal/heading.js';
import { NwElement } from '../../internal/nw-element.js';
import { summaryStyles } from './summary.styles.js';

/**
 * The analysis at a glance: the question as a heading, the executive summary, the key
 * points, and the open unknowns the analysis names, labelled as such.
 *
 * @summary Question, executive summary, key points and open unknowns.
 *
 * @attr src - URL of the analysis JSON.
 * @attr for - Id of a `<script type="application/json">` on the page holding the analysis.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - Language of the element's own words (BCP 47: `en`, `pt-BR`, `ar`; else inherited). See the README's Language section.
 * @attr heading-level - Outline level of the question, 1–6 (default 2); key points and unknowns one below.
 * @attr label - Name of the element's region landmark (default: the question); set it when the page shows the same analysis twice.
 * @attr state - Reflected: `loading`, `ready` or `error`.
 *
 * @fires nw-ready - The analysis rendered. `detail: { analysis }`.
 * @fires nw-error - It could not. `detail: { code, message, issues? }`.
 *
 * @csspart base - The card around everything.
 * @csspart question - The question heading.
 * @csspart summary - The executive summary paragraph.
 * @csspart key-points - The key points section.
 * @csspart unknowns - The open unknowns section.
 * @csspart citation - Each `[n]` citation marker.
 * @csspart placeholder - The loading placeholder.
 * @csspart error - The error state; `error-details` is its editors' list.
 *
 * @cssprop --nw-color-text - Text colour.
 * @cssprop --nw-color-muted - Secondary text colour.
 * @cssprop --nw-color-surface - Card background.
 * @cssprop --nw-color-border - Card border.
 * @cssprop --nw-color-accent - Links and focus rings.
 * @cssprop --nw-radius - Corner radius.
 * @cssprop --nw-space - Base spacing.
 * @cssprop --nw-font - Font family (default: the page's).
 */
export class NwSummary extends NwElement {
  static override styles = [...NwElement.styles, summaryStyles];

  protected override placeElement(place: CitingPlace): HTMLElement | null {
    return place.kind === 'summary' ? this.renderRoot.querySelector<HTMLElement>('article') : null;
  }

  protected override renderAnalysis(analysis: Analysis): TemplateResult {
    const t = this.messages;
    const lang = analysis.language; // the content's language; labels follow the reader's
    const tag = this.locale.tag;
    // Heading tags are lit/static-html values (headingTag), which the lit lint rules cannot see.
    /* oxlint-disable lit/binding-positions, lit/no-invalid-html */
    const top = headingTag(this.level());
    const sub = headingTag(this.level(1));
    const list = (items: readonly string[] | undefined, part: string, label: string) =>
      items?.length
        ? html`<section part=${part} class=${part}>
            <${sub} class="list-heading">${label}</${sub}>
            <ul lang=${lang}>${items.map((item) => html`<li>${citedText(item, analysis, t, undefined, tag)}</li>`)}</ul>
          </section>`
        : nothing;
    const name = this.landmarkName(undefined, analysis);
    return html`<article part="base" class="card" role=${name ? 'region' : nothing} aria-label=${name ?? nothing}>
      <${top} part="question" class="question" lang=${lang}>${analysis.question}</${top}>
      <p part="summary" lang=${lang}>${citedText(analysis.summary, analysis, t, undefined, tag)}</p>
      ${list(analysis.keyPoints, 'key-points', t.keyPoints)}
      ${list(analysis.unknowns, 'unknowns', t.unknowns)}
    </article>`;
    /* oxlint-enable lit/binding-positions, lit/no-invalid-html */
  }
}
