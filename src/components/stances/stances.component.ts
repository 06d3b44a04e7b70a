import { css, html, type TemplateResult } from 'lit';
import type { Analysis } from '../../schema/analysis.js';
import type { CitingPlace } from '../../internal/cited-in.js';
import { NwElement } from '../../internal/nw-element.js';
import { placeholderHeights } from '../../internal/styles/base.styles.js';
import { stanceStyles } from '../stance-card/stance.styles.js';
import { stanceView } from '../stance-card/stance-view.js';

/**
 * Every stance side by side, in document order, so a reader compares positions at a
 * glance: a grid on wide containers, a single column on narrow ones. Each card puts its
 * badge in the same place.
 *
 * @summary All stances side by side.
 *
 * @attr src - URL of the analysis JSON.
 * @attr for - Id of a `<script type="application/json">` on the page holding the analysis.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - Language of the element's own words (BCP 47: `en`, `pt-BR`, `ar`; else inherited). See the README's Language section.
 * @attr heading-level - Outline level of each card's headline, 1–6 (default 3).
 * @attr state - Reflected: `loading`, `ready` or `error`.
 *
 * @fires nw-ready - The stances rendered. `detail: { analysis }`.
 * @fires nw-error - They could not. `detail: { code, message, issues? }`.
 *
 * @csspart list - The grid of stances.
 * @csspart item - One grid cell.
 * @csspart base - Each stance card.
 * @csspart actor - Actor name, kind and country.
 * @csspart badge - The position badge.
 * @csspart headline - A stance's headline.
 * @csspart summary - A stance's summary.
 * @csspart quote - A stance's quote.
 * @csspart confidence - A stance's confidence line.
 * @csspart sources - A stance's sources line.
 * @csspart citation - Each `[n]` citation marker.
 * @csspart placeholder - The loading placeholder.
 * @csspart error - The error state; `error-details` is its editors' list.
 *
 * @cssprop --nw-stances-min-column - Narrowest column before the grid wraps (default 17rem, at least 17em).
 * @cssprop --nw-color-supports - Colour of "supports" (border and icon).
 * @cssprop --nw-color-opposes - Colour of "opposes".
 * @cssprop --nw-color-mixed - Colour of "mixed".
 * @cssprop --nw-color-neutral - Colour of "neutral".
 * @cssprop --nw-color-unclear - Colour of "unclear".
 * @cssprop --nw-space - Base spacing; the grid gap.
 */
export class NwStances extends NwElement {
  static override styles = [
    ...NwElement.styles,
    stanceStyles,
    // Heights measured on the sample's six stances. Every band the card's styles set is set
    // again here (64em included), or the card's single-card height would win in that band.
    placeholderHeights(80, [
      [64, 80],
      [50, 105],
      [40, 135],
      [30, 170],
      [22, 230],
    ]),
    css`
      .grid {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space);
        /* Not 17rem alone: a page with html { font-size: 0 } made that 0, and the grid a pile of
           overlapping slivers. Our own text size is never below 14 px. */
        grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--nw-stances-min-column, max(17rem, 17em))), 1fr));
      }
    `,
  ];

  protected override placeElement(place: CitingPlace): HTMLElement | null {
    if (place.kind !== 'stance') return null;
    return this.renderRoot.querySelector<HTMLElement>(`li[data-stance="${CSS.escape(place.id)}"] article`);
  }

  protected override renderAnalysis(analysis: Analysis): TemplateResult {
    // A valid analysis may record no positions: say so. An empty list read as a blank, broken
    // box, announced as ready (found by the hostile-documents fuzz test).
    if (analysis.stances.length === 0) return html`<p class="empty">${this.messages.noStances}</p>`;
    const context = {
      analysis,
      t: this.messages,
      formatDate: (value: string) => this.formatDate(value),
      headingLevel: this.level(0, 3),
      lang: this.locale.tag,
    };
    return html`<ul class="grid" part="list" aria-label=${this.messages.stances}>
      ${analysis.stances.map((stance) => html`<li part="item" data-stance=${stance.id}>${stanceView(stance, context)}</li>`)}
    </ul>`;
  }
}
