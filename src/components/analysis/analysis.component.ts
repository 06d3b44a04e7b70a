import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { Analysis } from '../../schema/analysis.js';
import type { CitingPlace } from '../../internal/cited-in.js';
import { citedText } from '../../internal/citations.js';
import { fill } from '../../internal/i18n/locale.js';
import { headingTag } from '../../internal/heading.js';
import { NwElement } from '../../internal/nw-element.js';
import { focusTarget } from '../../internal/page-registry.js';
import { analysisMessages } from './analysis.messages.js';
import { analysisStyles } from './analysis.styles.js';

/**
 * The whole analysis, composed: summary, a table of contents, every stance, the numbered
 * sections with their citations, the timeline, and the sources. What a newsroom embeds
 * when it wants the full piece. Section links (`#<analysis id>-<section id>`) are
 * shareable: opening the page at one scrolls to that section.
 *
 * @summary The whole analysis, composed from the other elements.
 *
 * @slot timeline - Replaces the built-in <nw-timeline> in the timeline block with the page's own content.
 *
 * @attr src - URL of the analysis JSON.
 * @attr for - Id of a `<script type="application/json">` on the page holding the analysis.
 * @attr theme - `light` (default), `dark` or `auto`; passed to the composed elements.
 * @attr lang - Language of the element's own words (BCP 47: `en`, `pt-BR`, `ar`; else inherited). See the README's Language section.
 * @attr heading-level - Outline level of its block headings, 1–6 (default 2); sections and what it composes follow.
 * @attr label - Name of the element's region landmark (default: "Analysis: " and the question).
 * @attr state - Reflected: `loading`, `ready` or `error`.
 *
 * @fires nw-ready - The analysis rendered (the composed elements fire their own too). `detail: { analysis }`.
 * @fires nw-error - It could not. `detail: { code, message, issues? }`.
 *
 * @csspart base - The layout around everything.
 * @csspart contents - The table of contents.
 * @csspart section - Each numbered section.
 * @csspart section-title - A section's heading.
 * @csspart timeline - The timeline block.
 * @csspart placeholder - The loading placeholder.
 * @csspart error - The error state; `error-details` is its editors' list.
 *
 * @cssprop --nw-color-accent - Links and the section highlight.
 * @cssprop --nw-space - Base spacing; blocks are two spaces apart.
 */
export class NwAnalysis extends NwElement {
  static override styles = [...NwElement.styles, analysisStyles];

  private get words() {
    return this.localized('analysis', analysisMessages);
  }

  private anchorId(analysis: Analysis, sectionId: string): string {
    return `${analysis.id}-${sectionId}`;
  }

  private sectionElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`section[data-section="${CSS.escape(id)}"]`);
  }

  protected override placeElement(place: CitingPlace): HTMLElement | null {
    return place.kind === 'section' ? this.sectionElement(place.id) : null;
  }

  /** TOC and anchor links scroll inside the shadow root (a fragment alone cannot reach it). */
  private jump(event: Event, analysis: Analysis, sectionId: string): void {
    const target = this.sectionElement(sectionId);
    if (!target) return;
    event.preventDefault();
    history.replaceState(history.state, '', `#${this.anchorId(analysis, sectionId)}`);
    focusTarget(target);
  }

  /** Opened at a section's link (#<analysis id>-<section id>): go there once rendered. */
  protected override whenReady(analysis: Analysis): void {
    const hash = decodeURIComponent(location.hash.slice(1));
    const section = analysis.sections.find((s) => this.anchorId(analysis, s.id) === hash);
    if (section) focusTarget(this.sectionElement(section.id)!);
  }

  protected override renderAnalysis(analysis: Analysis): TemplateResult {
    const t = this.messages;
    const w = this.words;
    const theme = this.theme ?? 'light';
    const lang = this.nestedLang;
    // One landmark for the whole analysis (its parts are headings and lists, the elements it
    // composes add none: data-nested); headings from heading-level down. The tags are
    // lit/static-html values (headingTag), which the lit lint rules cannot see.
    const level = this.level();
    const block = headingTag(level);
    const sub = headingTag(level + 1);
    const name = this.landmarkName(w.analysis, analysis);
    /* oxlint-disable lit/binding-positions, lit/no-invalid-html */
    return html`<div class="layout" part="base" role=${name ? 'region' : nothing} aria-label=${name ?? nothing}>
      <nw-summary .analysis=${analysis} theme=${theme} lang=${lang} data-nested heading-level=${level}></nw-summary>

      <div class="contents" part="contents">
        <${block} class="block-heading">${w.contents}</${block}>
        <ol>
          ${analysis.sections.map(
            (section) => html`<li>
            <a href="#${this.anchorId(analysis, section.id)}" @click=${(e: Event) => this.jump(e, analysis, section.id)}
              lang=${analysis.language}>${section.title}</a>
          </li>`,
          )}
        </ol>
      </div>

      ${
        analysis.stances.length
          ? html`<section>
            <${block} class="block-heading">${w.stances}</${block}>
            <nw-stances .analysis=${analysis} theme=${theme} lang=${lang} data-nested heading-level=${level + 1}></nw-stances>
          </section>`
          : ''
      }

      <section class="sections">
        <${block} class="block-heading">${w.analysis}</${block}>
        ${analysis.sections.map(
          (section, i) => html`<section class="section" part="section" data-section=${section.id}
            id=${this.anchorId(analysis, section.id)}>
            <${sub} class="section-title" part="section-title" id="title-${section.id}">
              <span class="section-number">${(i + 1).toLocaleString(this.locale.tag)}.</span>
              <span lang=${analysis.language}>${section.title}</span>
              <a class="anchor" href="#${this.anchorId(analysis, section.id)}"
                @click=${(e: Event) => this.jump(e, analysis, section.id)}>#<span class="visually-hidden"> ${fill(w.sectionLink, { n: (i + 1).toLocaleString(this.locale.tag) })}</span></a>
            </${sub}>
            ${section.paragraphs.map((paragraph) => html`<p lang=${analysis.language}>${citedText(paragraph, analysis, t, undefined, this.locale.tag)}</p>`)}
          </section>`,
        )}
      </section>

      ${
        analysis.statements.length
          ? html`<section part="timeline">
            <${block} class="block-heading">${w.timeline}</${block}>
            <slot name="timeline"><nw-timeline .analysis=${analysis} theme=${theme} lang=${lang} data-nested heading-level=${level + 1}></nw-timeline></slot>
          </section>`
          : ''
      }

      <nw-source-list .analysis=${analysis} theme=${theme} lang=${lang} data-nested heading-level=${level}></nw-source-list>
    </div>`;
    /* oxlint-enable lit/binding-positions, lit/no-invalid-html */
  }
}
