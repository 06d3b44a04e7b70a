import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { Analysis, Source } from '../../schema/analysis.js';
import type { AnalysisError } from '../../schema/validate.js';
import { citation } from '../../internal/citations.js';
import { composedAncestors } from '../../internal/dom/composed-ancestors.js';
import { isOnDarkBackground } from '../../internal/dom/page-background.js';
import { errorMessage } from '../../internal/i18n/error-words.js';
import { fill } from '../../internal/i18n/locale.js';
import { NwElement } from '../../internal/nw-element.js';
import { citeStyles } from './cite.styles.js';
import type { NwReadyEvent } from '../../events/nw-ready.js';

/** Whether `outer` contains `inner`, across shadow roots (a slotted marker is its host's child). */
function encloses(outer: Element, inner: Element): boolean {
  for (const node of composedAncestors(inner)) if (node === outer) return true;
  return false;
}

/**
 * An inline citation marker for the host article's own text (light DOM, inside the CMS's
 * paragraphs): a compact superscript `[3]` that opens a popover with the source's title,
 * publisher, date, type and link, and can jump to an `<nw-source-list>` on the page.
 *
 * Its analysis comes from `for=`, `src=` or the `analysis` property, else from the nearest
 * enclosing `nw-*` element that has one, else from the nearest ancestor with a
 * `data-nw-for` or `data-nw-src` attribute (put one on the article wrapper instead of
 * repeating `for=` on every marker). An unknown source id is an error on this marker only.
 *
 * @summary Inline citation marker with an accessible source popover.
 *
 * @attr source - The source id, as cited in the text: `source="3"` for [3].
 * @attr src - URL of the analysis JSON.
 * @attr for - Id of a `<script type="application/json">` on the page holding the analysis.
 * @attr theme - `light`, `dark` or `auto`, for the marker and the popover; without it, the
 *   marker follows the background it sits on (dark on a dark article, light otherwise).
 * @attr lang - Language of the element's own words (BCP 47: `en`, `pt-BR`, `ar`; else inherited). See the README's Language section.
 * @attr state - Reflected: `loading`, `ready` or `error`.
 *
 * @fires nw-ready - The marker is ready. `detail: { analysis }`.
 * @fires nw-error - It is not; `not-found` when the source is not in the analysis.
 *
 * @csspart citation - The `[n]` marker button.
 * @csspart popover - The source popover.
 * @csspart error - The marker shown when the source cannot be found or loaded.
 *
 * @cssprop --nw-color-accent - The marker and the popover's links.
 * @cssprop --nw-color-surface - Popover background.
 * @cssprop --nw-color-error - The marker in its error state.
 */
export class NwCite extends NwElement {
  static override styles = [...NwElement.styles, citeStyles];

  static override properties = {
    ...NwElement.properties,
    source: { reflect: true },
  };

  declare source: string | null | undefined;

  /** Inside an article, the analysis usually belongs to a wrapper, not to every marker. */
  readonly inheritsAnalysis = true;

  /**
   * The enclosing element may get its data after this marker looked for it (a framework
   * setting `analysis` on <nw-analysis> once its children are in the page), or change it:
   * when an element around this marker becomes ready with another analysis, look again.
   */
  private readonly onEnclosingReady = (event: NwReadyEvent): void => {
    const from = event.composedPath()[0];
    if (!(from instanceof Element) || from === this || !encloses(from, this)) return;
    if (this.analysis != null || this.for || this.src) return; // its own data wins anyway
    if (event.detail.analysis !== this.currentAnalysis) this.loader.reload();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('nw-ready', this.onEnclosingReady);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('nw-ready', this.onEnclosingReady);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Read each update, not once: the page's stylesheet may arrive after the marker.
    if (!this.theme) this.toggleAttribute('data-on-dark', isOnDarkBackground(this));
  }

  private selectedSource(analysis: Analysis): Source | undefined {
    return analysis.sources.find((source) => source.id === this.source);
  }

  protected override selectionError(analysis: Analysis): string | undefined {
    return this.selectedSource(analysis) ? undefined : fill(this.messages.notFound.source, { id: this.source ?? '' });
  }

  protected override selection(analysis: Analysis): unknown {
    return this.selectedSource(analysis);
  }

  protected override renderAnalysis(analysis: Analysis): TemplateResult {
    return citation(this.source!, analysis, this.messages, undefined, this.locale.tag);
  }

  /** A muted marker where the citation will be: no block placeholder inside a sentence. */
  protected override renderLoading(): TemplateResult {
    return html`<span class="cite cite--loading" aria-hidden="true">[${this.source ?? ''}]</span>`;
  }

  /** An error on this marker only: the number stays, marked, with the reason for editors. */
  protected override renderError(error: AnalysisError): TemplateResult {
    const t = this.messages;
    const message = errorMessage(error, t);
    return html`<span class="cite-error" part="error" title=${message}
      >[${this.source ?? '?'}]<span class="visually-hidden"> (${t.citationError}${t.colon} ${message})</span></span>`;
  }
}
