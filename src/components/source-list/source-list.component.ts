import { html, nothing, type TemplateResult } from 'lit';
import type { Analysis, Source } from '../../schema/analysis.js';
import { citedIn, type CitingPlace } from '../../internal/cited-in.js';
import { fill } from '../../internal/i18n/locale.js';
import { NwElement } from '../../internal/nw-element.js';
import { focusTarget, memberShowing, onLeave } from '../../internal/page-registry.js';
import { sourceListMessages } from './source-list.messages.js';
import { sourceListStyles } from './source-list.styles.js';

/**
 * The sources, numbered as the document labels them: title, publisher, date (partial
 * dates as they are), type and link, and where each is cited, with back-links to the
 * summary, section, stance or statement when an element on the page shows it. Sources
 * no one cites are listed too.
 *
 * @summary Numbered sources with back-links to where each is cited.
 *
 * @attr types - Comma-separated source types to show (`news,government`); default all.
 * @attr heading-level - Outline level of the "Sources" heading, 1–6 (default 2).
 * @attr label - Name of the element's region landmark (default: "Sources: " and the question).
 * @attr src - URL of the analysis JSON.
 * @attr for - Id of a `<script type="application/json">` on the page holding the analysis.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - Language of the element's own words (BCP 47: `en`, `pt-BR`, `ar`; else inherited). See the README's Language section.
 * @attr state - Reflected: `loading`, `ready` or `error`.
 *
 * @fires nw-ready - The list rendered. `detail: { analysis }`.
 * @fires nw-error - It could not. `detail: { code, message, issues? }`.
 *
 * @csspart base - The card.
 * @csspart heading - The "Sources" heading.
 * @csspart list - The numbered list.
 * @csspart item - One source; it flashes briefly when a citation jumps to it.
 * @csspart title - The source's title (a link when it has a URL).
 * @csspart meta - Publisher, date and type.
 * @csspart cited-in - The back-links.
 * @csspart placeholder - The loading placeholder.
 * @csspart error - The error state; `error-details` is its editors' list.
 *
 * @cssprop --nw-color-accent - Links, back-links and the jump highlight.
 * @cssprop --nw-color-muted - Publisher, date, type and back-links line.
 * @cssprop --nw-color-surface - Card background.
 * @cssprop --nw-color-border - Card border.
 */
export class NwSourceList extends NwElement {
  static override styles = [...NwElement.styles, sourceListStyles];

  static override properties = {
    ...NwElement.properties,
    types: { reflect: true },
  };

  declare types: string | null | undefined;

  /**
   * Back-links depend on which other elements are ready on the page, and on what they show
   * (a reader filtering a timeline hides statements): re-render when either changes.
   */
  private readonly onOtherReady = (event: Event) => {
    if (event.composedPath()[0] !== this) this.requestUpdate();
  };

  /** …and when one leaves the page, so no back-link points at an element that is gone. */
  private stopWatchingLeaves?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('nw-ready', this.onOtherReady);
    document.addEventListener('nw-filter-change', this.onOtherReady);
    this.stopWatchingLeaves = onLeave(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('nw-ready', this.onOtherReady);
    document.removeEventListener('nw-filter-change', this.onOtherReady);
    this.stopWatchingLeaves?.();
  }

  private get words() {
    return this.localized('sourceList', sourceListMessages);
  }

  private visibleSources(analysis: Analysis): Source[] {
    const types = this.types
      ?.split(',')
      .map((type) => type.trim())
      .filter(Boolean);
    return types?.length
      ? analysis.sources.filter((source) => types.includes(source.type ?? 'other'))
      : analysis.sources;
  }

  override listsSource(id: string): boolean {
    const analysis = this.currentAnalysis;
    return analysis !== undefined && this.visibleSources(analysis).some((source) => source.id === id);
  }

  override revealSource(id: string): boolean {
    const item = this.renderRoot.querySelector<HTMLElement>(`li[data-source="${CSS.escape(id)}"]`);
    if (!item) return false;
    focusTarget(item);
    return true;
  }

  private placeLabel(place: CitingPlace): string {
    const w = this.words;
    switch (place.kind) {
      case 'summary':
        return w.summary;
      case 'section':
        return fill(w.section, { n: place.number.toLocaleString(this.locale.tag), title: place.title });
      case 'stance':
        return fill(w.stance, { actor: place.actor });
      case 'statement':
        return place.date
          ? `${place.actor}${this.messages.comma}${this.formatDate(place.date)}`
          : fill(w.statement, { actor: place.actor });
    }
  }

  private backLink(analysis: Analysis, place: CitingPlace): TemplateResult {
    const label = this.placeLabel(place);
    // A back-link only where an element on the page shows that place; otherwise plain text.
    if (!memberShowing(analysis, place, this)) return html`<li>${label}</li>`;
    return html`<li><button type="button" class="backlink" @click=${() => memberShowing(analysis, place, this)?.revealPlace(place)}>${label}</button></li>`;
  }

  private sourceEntry(analysis: Analysis, source: Source, places: CitingPlace[]): TemplateResult {
    const t = this.messages;
    const w = this.words;
    const meta = [
      source.publisher,
      source.date ? html`<time datetime=${source.date}>${this.formatDate(source.date)}</time>` : undefined,
      source.type ? t.sourceTypes[source.type] : undefined,
    ].filter((item) => item !== undefined);
    return html`<li part="item" value=${Number(source.id)} data-source=${source.id} tabindex="-1">
      <p class="title" part="title" lang=${analysis.language}>
        ${
          source.url
            ? html`<a href=${source.url} target="_blank" rel="noopener noreferrer">${source.title}<span class="visually-hidden" lang=${this.locale.tag}> (${t.opensInNewTab})</span></a>`
            : source.title
        }
      </p>
      ${meta.length ? html`<p class="meta" part="meta">${meta.map((item, i) => html`${i ? ' · ' : ''}${item}`)}</p>` : nothing}
      <div class="cited-in" part="cited-in">
        ${
          places.length
            ? html`${w.citedIn}${t.colon} <ul>${places.map((place) => this.backLink(analysis, place))}</ul>`
            : w.notCited
        }
      </div>
    </li>`;
  }

  protected override renderAnalysis(analysis: Analysis): TemplateResult {
    const sources = this.visibleSources(analysis);
    const places = citedIn(analysis);
    const name = this.landmarkName(this.messages.sources, analysis);
    return html`<section class="card" part="base" aria-label=${name ?? nothing}>
      <p role="heading" aria-level=${this.level()} id="sources-heading" class="heading" part="heading">${this.messages.sources}</p>
      ${
        sources.length
          ? html`<ol part="list">${sources.map((source) => this.sourceEntry(analysis, source, places.get(source.id) ?? []))}</ol>`
          : html`<p class="empty">${this.words.noneOfType}</p>`
      }
    </section>`;
  }
}
