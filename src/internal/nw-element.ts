/**
 * The base every newsroom-widgets element extends. It owns, once for all of them:
 * data in (see `AnalysisLoader`), the loading / ready / error states, the `nw-ready` and
 * `nw-error` events, language and theme. An element only says how to render a valid
 * analysis (`renderAnalysis`) and, if it selects part of it, what counts as not found.
 *
 * Nothing thrown while choosing or rendering content escapes the element's lifecycle:
 * it becomes the error state, and the rest of the page carries on.
 *
 * Server rendering (Lit SSR, `newsroom-widgets/render`): with the `analysis` property set,
 * the element renders its ready content synchronously, touching no DOM API. In the browser,
 * content the server rendered (a declarative shadow root) stays on screen until the element
 * has its own outcome, and is swapped for it in the same task, so the page does not jump.
 */
import { TaskStatus } from '@lit/task';
import { html, isServer, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { NwErrorEvent } from '../events/nw-error.js';
import { NwReadyEvent } from '../events/nw-ready.js';
import type { Analysis } from '../schema/analysis.js';
import type { AnalysisError, ValidationResult } from '../schema/validate.js';
import { VERSION } from '../version.js';
import { CitationPopover } from './citation-popover.js';
import type { CitingPlace } from './cited-in.js';
import { AnalysisLoader } from './data/analysis-loader.js';
import type { Messages } from './i18n/en.js';
import { es } from './i18n/es.js';
import { formatPartialDate, resolveLocale, type Locale } from './i18n/locale.js';
import { focusTarget, join, leave, type PageMember } from './page-registry.js';
import { type Theme } from './standalone-elements.js';
import { baseStyles } from './styles/base.styles.js';

export type ElementState = 'loading' | 'ready' | 'error';

export abstract class NwElement extends LitElement implements PageMember {
  /** The library version, so a second copy on the page can tell whether it differs. */
  static readonly version = VERSION;

  static override styles = [baseStyles];

  static override properties = {
    analysis: { attribute: false },
    src: { reflect: true },
    for: { reflect: true },
    theme: { reflect: true },
    lang: { reflect: true },
  };

  /** The analysis as an object (validated once per object) or JSON text. Highest precedence. */
  declare analysis: unknown;
  /**
   * URL of the analysis JSON (http or https). Elements showing the same URL share one
   * request. A request slower than the page's fetch timeout (see `setFetchTimeout`) is a
   * fetch error with "Try again".
   */
  declare src: string | null | undefined;
  /** Id of a `<script type="application/json">` on the page holding the analysis. */
  declare for: string | null | undefined;
  /** `light` (default), `dark`, or `auto` to follow the reader's system setting. */
  declare theme: Theme | undefined;
  declare lang: string;

  protected readonly loader = new AnalysisLoader(this);
  private readonly citations = new CitationPopover(this, (value) => this.formatDate(value));
  /** The outcome last announced by an event: the result (or thrown error), what was selected and any selection problem. */
  private announced?: { outcome: unknown; selection: unknown; missing: string | undefined };

  /** The current state, also reflected as the `state` attribute for page CSS and tests. */
  get state(): ElementState {
    const { status, value } = this.loader.outcome;
    if (status === TaskStatus.ERROR) return 'error';
    if (status !== TaskStatus.COMPLETE || !value) return 'loading';
    return value.ok && !this.selectionError(value.analysis) && !this.crashedOn(value.analysis) ? 'ready' : 'error';
  }

  /** The analysis whose rendering threw (a bug of ours), and what the error box says about it. */
  private crash?: { analysis: Analysis; error: AnalysisError };

  private crashedOn(analysis: Analysis): AnalysisError | undefined {
    return this.crash?.analysis === analysis ? this.crash.error : undefined;
  }

  /** The analysis shown now, when the element is ready; undefined while loading or in error. */
  get currentAnalysis(): Analysis | undefined {
    return this.state === 'ready' ? (this.loader.outcome.value as { analysis: Analysis }).analysis : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    join(this);
    // An outcome reached while off the page (a shared fetch finishing after it was removed)
    // was not announced, since the page could not hear it: announce it now it is back.
    if (this.hasUpdated) this.announce();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    leave(this);
  }

  /**
   * Where this element renders `place` (a stance, a section…), for back-links from a source
   * list. Elements that show citing places override it; the base shows none.
   */
  protected placeElement(_place: CitingPlace): HTMLElement | null {
    return null;
  }

  showsPlace(place: CitingPlace): boolean {
    return this.currentAnalysis !== undefined && this.placeElement(place) !== null;
  }

  revealPlace(place: CitingPlace): boolean {
    const target = this.currentAnalysis ? this.placeElement(place) : null;
    if (!target) return false;
    focusTarget(target);
    return true;
  }

  /** Only source lists list sources; they override these two. */
  listsSource(_id: string): boolean {
    return false;
  }

  revealSource(_id: string): boolean {
    return false;
  }

  /** Runs after each `nw-ready`, with the content rendered (e.g. to honour a URL fragment). */
  protected whenReady(_analysis: Analysis): void {}

  /** The language the element speaks now (see `resolveLocale`). */
  protected get locale(): Locale {
    // Resolved once per update, not per word or date: it walks the ancestors for `lang`.
    if (!this.localeThisUpdate) {
      const { value } = this.loader.outcome;
      const language = value?.ok ? value.analysis.language : undefined;
      // A server-rendered element has no ancestors to ask: its own `lang` (composing elements
      // pass theirs down, see `nestedLang`), else the analysis's language.
      this.localeThisUpdate = isServer ? resolveLocale(null, this.lang || language) : resolveLocale(this, language);
    }
    return this.localeThisUpdate;
  }

  private localeThisUpdate?: Locale;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.localeThisUpdate = undefined;
  }

  /** An element's own words (`{ en, es }`), in the language it speaks now. */
  protected localized<T>(catalogue: { en: T; es: T }): T {
    return this.locale.messages === es ? catalogue.es : catalogue.en;
  }

  get messages(): Messages {
    return this.locale.messages;
  }

  /** Renders the element's content for a valid analysis. */
  protected abstract renderAnalysis(analysis: Analysis): TemplateResult;

  /** For elements that select part of the analysis: the reason it is missing, if it is. */
  protected selectionError(_analysis: Analysis): string | undefined {
    return undefined;
  }

  /**
   * For elements that select part of the analysis: what is selected now (compared by
   * identity). Selecting something else in the same analysis is a new outcome, so it
   * announces `nw-ready` again.
   */
  protected selection(_analysis: Analysis): unknown {
    return undefined;
  }

  /** A partial date formatted for the current language ("April 2025", "abril de 2025"). */
  protected formatDate(value: string): string {
    return formatPartialDate(value, this.locale.tag);
  }

  /**
   * For elements that compose others: the `lang` to give them. On the server they cannot
   * see their ancestors, so they are told; in browsers they inherit it (nothing is set).
   */
  protected get nestedLang(): string | typeof nothing {
    return isServer ? this.locale.tag : nothing;
  }

  /** What the server rendered (a declarative shadow root), shown until this element's own outcome replaces it. */
  private served?: ChildNode[];

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (root?.firstChild) {
      this.served = [...root.childNodes];
      // Lit renders before the root's first child; render after the served nodes instead,
      // so that removing them later leaves Lit's own nodes alone.
      this.renderOptions.renderBefore = root.appendChild(document.createTextNode(''));
    }
    return super.createRenderRoot();
  }

  protected override render(): unknown {
    if (isServer) {
      const { value } = this.loader.outcome;
      return value ? this.renderResult(value) : this.renderLoading();
    }
    // No placeholder over served content: it stays until there is something to replace it.
    if (this.served && this.state === 'loading') return nothing;
    return this.loader.task.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: (result) => this.renderResult(result),
      error: (cause) => this.renderError(unexpected(cause)),
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    // The outcome is rendered (after the served nodes): drop those, before anything paints.
    if (this.served && state !== 'loading') {
      this.served.forEach((node) => node.remove());
      this.served = undefined;
    }
    this.announce();
  }

  private renderResult(result: ValidationResult): TemplateResult {
    if (!result.ok) return this.renderError(result.error);
    const missing = this.selectionError(result.analysis);
    if (missing) return this.renderError({ code: 'not-found', message: missing });
    this.crash = undefined;
    try {
      return html`${this.renderAnalysis(result.analysis)}${this.citations.render(result.analysis)}`;
    } catch (cause) {
      // The error box is shown: `state` and the event must say error too, not ready.
      this.crash = { analysis: result.analysis, error: unexpected(cause) };
      return this.renderError(this.crash.error);
    }
  }

  protected renderLoading(): TemplateResult {
    // The frame is a size container, so each element's styles can size the placeholder to
    // about its final height at this width (text-heavy content grows as columns narrow).
    return html`<div class="placeholder-frame"><div class="placeholder" part="placeholder" aria-busy="true">
      <span class="visually-hidden">${this.messages.loading}</span>
    </div></div>`;
  }

  protected renderError(error: AnalysisError): TemplateResult {
    const t = this.messages;
    return html`<div class="error" part="error">
      <p>${t.errorForReaders}</p>
      <details part="error-details">
        <summary>${t.errorDetails}</summary>
        <p>${error.message} <code>[${error.code}]</code></p>
        ${
          error.issues?.length
            ? html`<ul>${error.issues.map((issue) => html`<li><code>${issue.path || t.documentRoot}</code>: ${issue.message}</li>`)}</ul>`
            : nothing
        }
      </details>
      ${error.code === 'fetch' && !this.loader.refusedSrc ? html`<button type="button" @click=${() => this.loader.reload()}>${t.retry}</button>` : nothing}
    </div>`;
  }

  /** Fires `nw-ready` or `nw-error` once per outcome (not once per render). */
  private announce(): void {
    if (!this.isConnected) return; // see connectedCallback
    const { status, value, error } = this.loader.task;
    let event: NwReadyEvent | NwErrorEvent;
    let outcome: unknown;
    let selection: unknown;
    let missing: string | undefined;
    let crash: AnalysisError | undefined;
    if (status === TaskStatus.ERROR) {
      outcome = error;
      event = new NwErrorEvent(unexpected(error));
    } else if (status === TaskStatus.COMPLETE && value) {
      outcome = value;
      if (!value.ok) event = new NwErrorEvent(value.error);
      else if ((missing = this.selectionError(value.analysis)))
        event = new NwErrorEvent({ code: 'not-found', message: missing });
      else if ((crash = this.crashedOn(value.analysis))) {
        missing = crash.message; // an outcome of its own: the same analysis rendered fine later is announced
        event = new NwErrorEvent(crash);
      } else {
        selection = this.selection(value.analysis);
        event = new NwReadyEvent({ analysis: value.analysis });
      }
    } else {
      // Back to loading (no source any more): whatever comes next is a new outcome, even the
      // same document again, so a page waiting for nw-ready hears it.
      if (status === TaskStatus.INITIAL) this.announced = undefined;
      return;
    }
    const last = this.announced;
    if (last && last.outcome === outcome && last.selection === selection && last.missing === missing) return;
    this.announced = { outcome, selection, missing };
    this.dispatchEvent(event);
    if (event instanceof NwReadyEvent) this.whenReady(event.detail.analysis);
  }
}

/** Anything thrown that is not a document problem (a bug, an aborted fetch) as an error value. */
function unexpected(cause: unknown): AnalysisError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return { code: 'schema', message: `The analysis could not be shown: ${message}` };
}
