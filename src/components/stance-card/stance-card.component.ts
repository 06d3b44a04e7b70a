import type { TemplateResult } from 'lit';
import type { Analysis, Stance } from '../../schema/analysis.js';
import { indexOf } from '../../internal/analysis-index.js';
import type { CitingPlace } from '../../internal/cited-in.js';
import { fill } from '../../internal/i18n/locale.js';
import { NwElement } from '../../internal/nw-element.js';
import { stanceStyles } from './stance.styles.js';
import { stanceView } from './stance-view.js';

/**
 * One actor's position: name and kind, a position badge that reads without colour
 * (icon + word), headline, summary, quote with speaker and date, confidence, citations.
 *
 * @summary One actor's stance, selected with `actor="id"` or `stance="id"`.
 *
 * @attr actor - Id of the actor whose stance to show.
 * @attr stance - Id of the stance to show (wins over `actor`).
 * @attr heading-level - Outline level of the headline, 1–6 (default 3).
 * @attr src - URL of the analysis JSON.
 * @attr for - Id of a `<script type="application/json">` on the page holding the analysis.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - Language of the element's own words (BCP 47: `en`, `pt-BR`, `ar`; else inherited). See the README's Language section.
 * @attr state - Reflected: `loading`, `ready` or `error`.
 *
 * @fires nw-ready - The stance rendered. `detail: { analysis }`.
 * @fires nw-error - It could not; `not-found` when the actor or stance is not in the analysis.
 *
 * @csspart base - The card.
 * @csspart actor - Actor name, kind and country.
 * @csspart badge - The position badge.
 * @csspart headline - The headline.
 * @csspart summary - The summary.
 * @csspart quote - The quote with its speaker and date.
 * @csspart confidence - The confidence line.
 * @csspart sources - The line of sources backing the stance.
 * @csspart citation - Each `[n]` citation marker.
 * @csspart placeholder - The loading placeholder.
 * @csspart error - The error state; `error-details` is its editors' list.
 *
 * @cssprop --nw-color-supports - Colour of "supports" (border and icon).
 * @cssprop --nw-color-opposes - Colour of "opposes".
 * @cssprop --nw-color-mixed - Colour of "mixed".
 * @cssprop --nw-color-neutral - Colour of "neutral".
 * @cssprop --nw-color-unclear - Colour of "unclear".
 * @cssprop --nw-color-text - Text colour.
 * @cssprop --nw-color-muted - Secondary text colour.
 * @cssprop --nw-color-surface - Card background.
 * @cssprop --nw-color-border - Card border.
 * @cssprop --nw-radius - Corner radius.
 * @cssprop --nw-space - Base spacing.
 */
export class NwStanceCard extends NwElement {
  static override styles = [...NwElement.styles, stanceStyles];

  static override properties = {
    ...NwElement.properties,
    actor: { reflect: true },
    stance: { reflect: true },
  };

  declare actor: string | null | undefined;
  declare stance: string | null | undefined;

  private selected(analysis: Analysis): Stance | undefined {
    if (this.stance) return analysis.stances.find((stance) => stance.id === this.stance);
    if (this.actor) return indexOf(analysis).stancesByActor.get(this.actor);
    return undefined;
  }

  protected override selection(analysis: Analysis): unknown {
    return this.selected(analysis);
  }

  protected override selectionError(analysis: Analysis): string | undefined {
    if (this.selected(analysis)) return undefined;
    const t = this.messages;
    if (this.stance) return fill(t.notFound.stance, { id: this.stance });
    if (this.actor) return fill(t.notFound.actor, { id: this.actor });
    return t.notFound.selector;
  }

  protected override placeElement(place: CitingPlace): HTMLElement | null {
    const analysis = this.currentAnalysis;
    const shown = analysis && this.selected(analysis);
    return place.kind === 'stance' && shown?.id === place.id
      ? this.renderRoot.querySelector<HTMLElement>('article')
      : null;
  }

  protected override renderAnalysis(analysis: Analysis): TemplateResult {
    return stanceView(this.selected(analysis)!, {
      analysis,
      t: this.messages,
      formatDate: (value) => this.formatDate(value),
      headingLevel: this.level(0, 3),
      lang: this.locale.tag,
    });
  }
}
