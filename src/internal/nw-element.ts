/**
 * The base every newsroom-widgets element extends. It owns, once for all of them:
 * data in (see `AnalysisLoader`), the loading / ready / error states, the `nw-ready` and
 * `nw-error` events, language and theme. An element only says how to render a valid
 * analysis (`renderAnalysis`) and, if it selects part of it, what counts as not found.
 *
 * Behaviour every element shares lives beside it, one concern a file: the events fire once
 * per outcome (`announce`, announcer.ts), a render that throws becomes the error state
 * (`crashCapture`, crash-capture.ts), and server-rendered content stays until the element's
 * own replaces it (`keepServed`, server-render-swap.ts). They are closures, not classes:
 * local names minify and property names do not, which keeps the split within the size budget.
 *
 * Server rendering (Lit SSR, `newsroom-widgets/render`): with the `analysis` property set,
 * the element renders its ready content synchronously, touching no DOM API.
 */
import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { IS_SERVER } from './is-server.js';
import { TextSpacingController } from './controllers/text-spacing-controller.js';
import { NwErrorEvent } from '../events/nw-error.js';
import { NwReadyEvent } from '../events/nw-ready.js';
import type { Analysis } from '../schema/analysis.js';
import type { AnalysisError } from '../schema/validate.js';
import { VERSION } from '../version.js';
import { announce, type Outcome } from './announcer.js';
import { CitationPopover } from './citation-popover.js';
import type { CitingPlace } from './cited-in.js';
import { crashCapture, thrownError } from './crash-capture.js';
import { AnalysisLoader } from './data/analysis-loader.js';
import { localeController } from './controllers/locale-controller.js';
import type { CoreMessages as Messages } from './i18n/en.js';
import { errorMessage } from './i18n/error-words.js';
import { formatPartialDate, resolveLocale, type Locale } from './i18n/locale.js';
import type { BuiltInWords, ElementMessages } from './i18n/messages.js';
import { focusTarget, join, leave, type PageMember } from './page-registry.js';
import { keepServed } from './server-render-swap.js';
import { type Theme } from './standalone-elements.js';
import { baseStyles } from './styles/base.styles.js';

export type ElementState = 'loading' | 'ready' | 'error';

/**
 * An element's outcome: what it is made of (the loader's result, or what the loader threw),
 * the analysis to show if there is one, and the error shown, if any: with an analysis, only
 * the one it threw when last rendered.
 */
type Standing = { of: unknown } & (
  { analysis: Analysis; error?: AnalysisError } | { analysis?: never; error: AnalysisError }
);

export abstract class NwElement extends LitElement implements PageMember {
  /** The library version, so a second copy on the page can tell whether it differs. */
  static readonly version = VERSION;

  static override styles = [baseStyles];

  static override properties = {
    // Also an attribute: what a framework writes when it treats the property as one (JSON
    // text, validated like any data, or "[object Object]", refused with the fix).
    analysis: {},
    src: { reflect: true },
    for: { reflect: true },
    theme: { reflect: true },
    lang: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    label: { reflect: true },
  };

  /**
   * The analysis as an object (validated once per object) or JSON text. Highest precedence.
   * The `analysis` attribute sets it to the attribute's text.
   */
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
  /**
   * The outline level of the element's top heading (each element has its default); inner
   * headings follow one level down, so under a page's h2 an element can start at 3.
   */
  declare headingLevel: number | undefined;
  /**
   * The name of the element's one landmark (a region), when the page shows the same analysis
   * twice; by default the element's kind and the analysis's question.
   */
  declare label: string | null | undefined;

  /** The heading level `offset` below the top one (`heading-level`, else `top`), within 1–6. */
  protected level(offset = 0, top = 2): number {
    const start = Number.isInteger(this.headingLevel) ? this.headingLevel! : top;
    return Math.min(6, Math.max(1, start) + offset);
  }

  /**
   * Inside another of our elements (which names the one landmark of the whole), an element
   * adds none of its own: the composing element marks it `data-nested`.
   */
  protected get nested(): boolean {
    return this.hasAttribute('data-nested');
  }

  /**
   * The accessible name of the element's landmark (`label`, else its kind and the question, or
   * the question alone), or undefined for none (nested): unique on a page that shows each
   * element once, and `label` tells two copies apart.
   */
  protected landmarkName(kind: string | undefined, analysis: Analysis): string | undefined {
    if (this.nested) return undefined;
    return this.label || (kind ? `${kind}${this.messages.colon} ${analysis.question}` : analysis.question);
  }

  protected readonly loader = new AnalysisLoader(this);
  private readonly textSpacing = new TextSpacingController(this);
  private readonly citations = new CitationPopover(this, (value) => this.formatDate(value));
  /** The analysis whose rendering threw (a bug of ours), and what the error box says about it. */
  private readonly crashes = crashCapture<Analysis>((crash) => this.renderError(crash));
  /** Removes what the server rendered, while that is still on screen (see `keepServed`). */
  private dropServed?: () => void;

  /** Says `nw-ready` / `nw-error` when the outcome is news; called at the end of each update. */
  private readonly announceOutcome = announce(this, () => this.outcome());

  constructor() {
    super();
    // Renders again when words arrive (a locale file, `registerLocale`) and sets `dir`.
    localeController(this, () => this.locale);
  }

  /** The current state, also reflected as the `state` attribute for page CSS and tests. */
  get state(): ElementState {
    const now = this.standing();
    return !now ? 'loading' : now.error ? 'error' : 'ready';
  }

  /** The analysis shown now, when the element is ready; undefined while loading or in error. */
  get currentAnalysis(): Analysis | undefined {
    const now = this.standing();
    return now?.error ? undefined : now?.analysis;
  }

  /** The element's outcome now; undefined while loading. */
  private standing(): Standing | undefined {
    const { status, value, error } = this.loader.outcome;
    // The loader failing (a bug, an aborted fetch) is not a document problem either, but
    // unlike a render that throws it has no code of its own yet: `schema`, as before.
    if (status === TaskStatus.ERROR) return { of: error, error: thrownError(error, 'schema') };
    // Still loading while the words are (a locale file): never a flash of English or of an error.
    if (status !== TaskStatus.COMPLETE || !value || (!IS_SERVER && this.locale.pending)) return undefined;
    if (!value.ok) return { of: value, error: value.error };
    const { analysis } = value;
    const missing = this.selectionError(analysis);
    if (missing) return { of: value, error: { code: 'not-found', message: missing } };
    return { of: value, analysis, error: this.crashes.on(analysis) };
  }

  override connectedCallback(): void {
    // On the page before the controllers run (the announcer may announce, and a `whenReady`
    // look for other elements), as when this announced itself after joining.
    join(this);
    super.connectedCallback();
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
    return !!this.currentAnalysis && !!this.placeElement(place);
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
    const { value } = this.loader.outcome;
    const language = value?.ok ? value.analysis.language : undefined;
    // Resolved once per update, not per word or date: it walks the ancestors for `lang`. A
    // server-rendered element has no ancestors to ask: its own `lang` (composing elements
    // pass theirs down, see `nestedLang`), else the analysis's language.
    return (this.localeThisUpdate ??= IS_SERVER
      ? resolveLocale(null, this.lang || language)
      : resolveLocale(this, language));
  }

  private localeThisUpdate?: Locale;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.localeThisUpdate = undefined;
  }

  /** An element's own words (built in: `{ en, es }`; others under `key`), in the language it speaks now. */
  protected localized<K extends keyof ElementMessages>(
    key: K,
    builtIn: BuiltInWords<ElementMessages[K]>,
  ): ElementMessages[K] {
    return this.locale.words(key, builtIn);
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
    return IS_SERVER ? this.locale.tag : nothing;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    this.dropServed = keepServed(this.shadowRoot, this.renderOptions);
    return super.createRenderRoot();
  }

  /**
   * "Try again" (WCAG 2.4.3, 4.1.3): while every element that failed at the address loads
   * again, the error box stays with its button busy (focus stays on it); a polite status says
   * trying, then loaded or still failing. Rendered after the first fetch error, and kept from
   * then on, so the live region exists before it speaks. `shownFetchError` is the error the
   * busy box shows; `retryPending` that this element's button started the retry now running
   * (not a comparison with the status's words, which change with the language); `retryFocus`
   * whether the button had focus when pressed.
   */
  private retryStatus?: string;
  private shownFetchError?: AnalysisError;
  private retryFocus = false;
  private retryPending = false;

  private readonly onRetry = (): void => {
    if (this.loader.retrying) return;
    this.retryFocus = this.shadowRoot?.activeElement?.matches('[part~="retry"]') ?? false;
    this.retryStatus = this.messages.retrying;
    this.retryPending = true;
    this.loader.retry();
  };

  protected override render(): unknown {
    const content = this.renderState();
    return this.retryStatus === undefined
      ? content
      : html`${content}<span class="visually-hidden" role="status" part="retry-status">${this.retryStatus}</span>`;
  }

  private renderState(): unknown {
    const now = this.standing();
    if (!now && this.loader.retrying && this.shownFetchError) return this.renderError(this.shownFetchError, true);
    // No placeholder over served content: it stays until there is something to replace it.
    if (!now) return this.dropServed ? nothing : this.renderLoading();
    if (!now.analysis) {
      if (now.error.code === 'fetch') this.shownFetchError = now.error;
      return this.renderError(now.error);
    }
    this.shownFetchError = undefined;
    const { analysis } = now;
    // Rendered again even if it threw last time: in another language, or after another
    // change, it may not.
    return this.crashes.render(
      analysis,
      () => html`${this.renderAnalysis(analysis)}${this.citations.render(analysis)}`,
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.announceOutcome();
    this.afterRetry();
  }

  /** A retry this element's button started has ended: say how, and keep focus in the element. */
  private afterRetry(): void {
    if (!this.retryPending || this.loader.retrying) return;
    const state = this.state;
    if (state === 'loading') return;
    this.retryStatus = state === 'ready' ? this.messages.retryDone : this.messages.retryFailed;
    // The button went with the error box: focus the content that replaced it, not <body>.
    if (this.retryFocus && state === 'ready') {
      const content = this.renderRoot.querySelector<HTMLElement>('[part~="base"]') ?? this.renderRoot.firstElementChild;
      if (content instanceof HTMLElement) {
        if (!content.hasAttribute('tabindex')) content.tabIndex = -1;
        content.focus({ preventScroll: true });
      }
    }
    this.retryFocus = false;
    this.retryPending = false;
    this.requestUpdate();
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    // Here rather than in `updated`: before the controllers' `hostUpdated`, so that by the
    // time `nw-ready` / `nw-error` fires the new state is set and served content is gone.
    const state = this.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    // The outcome is rendered (after the served nodes): drop those, before anything paints.
    if (state !== 'loading') {
      this.dropServed?.();
      this.dropServed = undefined;
    }
  }

  protected renderLoading(): TemplateResult {
    // The frame is a size container, so each element's styles can size the placeholder to
    // about its final height at this width (text-heavy content grows as columns narrow).
    return html`<div class="placeholder-frame"><div class="placeholder" part="placeholder" aria-busy="true">
      <span class="visually-hidden">${this.messages.loading}</span>
    </div></div>`;
  }

  protected renderError(error: AnalysisError, retrying = false): TemplateResult {
    const t = this.messages;
    const canRetry = error.code === 'fetch' && !this.loader.refusedSrc;
    // The live region for what the retry says, from the first error with the button on.
    if (canRetry) this.retryStatus ??= '';
    return html`<div class="error" part="error">
      <p>${error.code === 'render' ? t.widgetError : t.errorForReaders}</p>
      <details part="error-details">
        <summary>${t.errorDetails}</summary>
        <p>${errorMessage(error, t)} <code>[${error.code}]</code></p>
        ${
          error.issues?.length
            ? html`<ul>${error.issues.map((issue) => html`<li><code>${issue.path || t.documentRoot}</code>: ${issue.message}</li>`)}</ul>`
            : nothing
        }
      </details>
      ${
        canRetry
          ? html`<button type="button" part="retry" aria-disabled=${retrying ? 'true' : 'false'} @click=${this.onRetry}>${retrying ? t.retrying : t.retry}</button>`
          : nothing
      }
    </div>`;
  }

  /** What `nw-ready` / `nw-error` say now, for the announcer. */
  private outcome(): Outcome {
    const now = this.standing();
    // Back to loading with no source any more (initial): whatever comes next is a new
    // outcome, even the same document again, so a page waiting for nw-ready hears it.
    if (!now) return this.loader.task.status === TaskStatus.INITIAL ? 'idle' : 'pending';
    const { error } = now;
    // The error's message is part of the outcome: a crash, then the same analysis rendering
    // fine, is two outcomes; so is a selection missing, then found.
    if (error) return [() => this.dispatchEvent(new NwErrorEvent(error)), now.of, undefined, error.message];
    const { analysis } = now as { analysis: Analysis }; // no error: `standing` gave the analysis
    const ready = () => {
      this.dispatchEvent(new NwReadyEvent({ analysis }));
      this.whenReady(analysis); // once the page has heard it
    };
    return [ready, now.of, this.selection(analysis)];
  }
}
