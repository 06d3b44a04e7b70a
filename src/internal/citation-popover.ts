/**
 * The popover behind every `[n]` citation, in every element: one native popover per
 * element, filled with the source that was activated.
 *
 * - Click, tap, Enter or Space opens it (buttons do all of those), and focus moves into it.
 * - On devices with a mouse, hovering a marker opens it after a short delay without moving
 *   focus, and leaving both marker and popover closes it (unless it was clicked open).
 * - Escape and a click outside close it (`popover="auto"`), as does opening another one
 *   anywhere on the page; focus returns to the marker that opened it.
 * - Focus moving on past it (Tab out of the popover to anything but its marker) closes it, so
 *   it never covers what has focus now (WCAG 2.4.11); focus stays where it went.
 * - When a source list for the same analysis is on the page, "Go to source list" jumps there.
 *
 * Markers are found by event delegation (`.cite[data-cite]`), so the citation renderer
 * stays a pure function and elements need no wiring of their own.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Analysis } from '../schema/analysis.js';
import type { CoreMessages as Messages } from './i18n/en.js';
import { sourceTitles } from './citations.js';
import { sourceListFor, type PageMember } from './page-registry.js';

export interface PopoverHost extends PageMember {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly messages: Messages;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
  addController(controller: ReactiveController): void;
}

const HOVER_OPEN_MS = 300;
const HOVER_CLOSE_MS = 250;

export class CitationPopover implements ReactiveController {
  private openId?: string;
  private invoker?: HTMLElement;
  /** Opened by click or key: stays until dismissed, not closed by the pointer leaving. */
  private pinned = false;
  private timer?: ReturnType<typeof setTimeout>;
  /**
   * The marker pressed while its pinned popover was open. Light dismiss closes the popover on
   * that press (the marker is not the popover's invoker as far as light dismiss goes), so
   * the click that follows must not open it again: a second click on a marker closes it.
   */
  private pressedWhileOpen?: HTMLElement;
  /** What the closing popover leaves behind (set on beforetoggle, used on toggle). */
  private closing?: { invoker: HTMLElement | undefined; returnFocus: boolean };

  private readonly host: PopoverHost;
  private readonly formatDate: (value: string) => string;

  // Plain fields, not parameter properties: consumers type-checking with erasableSyntaxOnly
  // (Vite's default tsconfig) read this source through the package's types.
  constructor(host: PopoverHost, formatDate: (value: string) => string) {
    this.host = host;
    this.formatDate = formatDate;
    host.addController(this);
  }

  /** The delegated listeners on the host's shadow root, added and removed together. */
  private get listeners(): [string, EventListener][] {
    return [
      ['click', this.onClick],
      ['pointerdown', this.onPointerDown as EventListener],
      ['pointerover', this.onPointerOver as EventListener],
      ['pointerout', this.onPointerOut as EventListener],
    ];
  }

  hostConnected(): void {
    for (const [type, listener] of this.listeners) this.host.renderRoot.addEventListener(type, listener);
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.listeners) this.host.renderRoot.removeEventListener(type, listener);
    clearTimeout(this.timer);
  }

  private get popover(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.popover');
  }

  private marker(target: EventTarget | null): HTMLElement | null {
    return target instanceof Element ? target.closest<HTMLElement>('.cite[data-cite]') : null;
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    const marker = this.marker(event.target);
    const isOpen = marker !== null && this.popover?.matches(':popover-open') && this.invoker === marker;
    this.pressedWhileOpen = isOpen && this.pinned ? marker : undefined;
  };

  private readonly onClick = (event: Event): void => {
    const marker = this.marker(event.target);
    if (!marker) return;
    event.preventDefault();
    // A pointer click (detail > 0; Enter and Space give 0) whose press light-dismissed this
    // marker's popover: that press meant "close", so it stays closed.
    const dismissedByThisPress = this.pressedWhileOpen === marker && (event as MouseEvent).detail > 0;
    this.pressedWhileOpen = undefined;
    const isOpen = this.popover?.matches(':popover-open') && this.invoker === marker;
    if ((isOpen && this.pinned) || dismissedByThisPress) this.close();
    else void this.open(marker, { focus: true, pinned: true });
  };

  private readonly onPointerOver = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return; // touch and pen use tap
    const marker = this.marker(event.target);
    const inPopover = event.target instanceof Element && event.target.closest('.popover');
    if (!marker && !inPopover) return;
    clearTimeout(this.timer);
    // A popover opened by click or key stays on its source while the mouse passes over others.
    if (this.pinned && this.popover?.matches(':popover-open')) return;
    if (marker && !(this.invoker === marker && this.popover?.matches(':popover-open'))) {
      this.timer = setTimeout(() => void this.open(marker, { focus: false, pinned: false }), HOVER_OPEN_MS);
    }
  };

  private readonly onPointerOut = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse' || this.pinned) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.pinned) this.close();
    }, HOVER_CLOSE_MS);
  };

  async open(marker: HTMLElement, { focus, pinned }: { focus: boolean; pinned: boolean }): Promise<void> {
    clearTimeout(this.timer); // a pending hover must not replace what is opened now
    const shown = this.popover;
    // Open for another marker: close it first, so that it opens again anchored at this marker
    // (CSS anchor positioning follows the `source` given to showPopover, only when shown).
    if (shown?.matches(':popover-open') && this.invoker !== marker) shown.hidePopover();
    if (this.invoker && this.invoker !== marker) this.invoker.setAttribute('aria-expanded', 'false');
    this.openId = marker.dataset.cite;
    this.invoker = marker;
    this.pinned = pinned;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const popover = this.popover;
    if (!popover || !marker.isConnected) return;
    if (!popover.matches(':popover-open')) {
      // `source` makes the marker the popover's anchor (CSS anchor positioning) and invoker.
      popover.showPopover({ source: marker } as ShowPopoverOptions);
    }
    marker.setAttribute('aria-expanded', 'true');
    if (focus) popover.focus();
  }

  close(): void {
    clearTimeout(this.timer);
    const popover = this.popover;
    if (popover?.matches(':popover-open')) popover.hidePopover();
  }

  /**
   * Focus left the popover. To its marker (Shift+Tab back): it stays. Out of the document (the
   * reader switched windows, `relatedTarget` null): it stays. Anywhere else: it closes, and
   * focus is not taken back, since the reader moved it on.
   */
  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    const popover = this.popover;
    if (!(next instanceof Node) || !popover?.matches(':popover-open')) return;
    if (popover.contains(next) || next === this.invoker) return;
    this.pinned = false;
    this.close();
  };

  /** Every way of closing (ours, Escape, light dismiss) passes here, synchronously. */
  private readonly onBeforeToggle = (event: Event): void => {
    if ((event as ToggleEvent).newState !== 'closed') return;
    clearTimeout(this.timer);
    this.invoker?.setAttribute('aria-expanded', 'false');
    // Only a popover opened by click or key took focus; one opened by hover never moves it.
    this.closing = { invoker: this.invoker, returnFocus: this.pinned };
    this.pinned = false;
  };

  private readonly onToggle = (event: Event): void => {
    if ((event as ToggleEvent).newState !== 'closed') return;
    const popover = this.popover;
    const { invoker, returnFocus } = this.closing ?? { invoker: undefined, returnFocus: false };
    this.closing = undefined;
    if (!returnFocus || popover?.matches(':popover-open')) return;
    // Focus was in the popover (or lost to <body> by the close): give it back to the marker.
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    const focusWasInside = active !== null && popover?.contains(active);
    if (invoker?.isConnected && (focusWasInside || document.activeElement === document.body)) invoker.focus();
  };

  private jumpToList(analysis: Analysis, id: string): void {
    const list = sourceListFor(analysis, id, this.host);
    this.close();
    list?.revealSource(id);
  }

  /** The popover, rendered by the host with its ready content. */
  render(analysis: Analysis): TemplateResult {
    const t = this.host.messages;
    const id = this.openId;
    const source = id === undefined ? undefined : analysis.sources.find((s) => s.id === id);
    const meta = source
      ? [
          source.publisher,
          source.date ? this.formatDate(source.date) : undefined,
          source.type ? t.sourceTypes[source.type] : undefined,
        ]
          .filter(Boolean)
          .join(' · ')
      : '';
    const list = source && sourceListFor(analysis, source.id, this.host);
    return html`<div class="popover" part="popover" popover="auto" role="dialog" tabindex="-1"
      aria-labelledby="popover-title" @beforetoggle=${this.onBeforeToggle} @toggle=${this.onToggle}
      @focusout=${this.onFocusOut}>
      ${
        source
          ? html`<button type="button" class="popover-close" aria-label=${t.close} @click=${() => this.close()}>×</button>
            <p class="popover-label">${t.source} ${source.id}</p>
            <p class="popover-title" id="popover-title" lang=${analysis.language}>${source.title}</p>
            ${meta ? html`<p class="popover-meta">${meta}</p>` : nothing}
            <p class="popover-actions">
              ${
                source.url
                  ? html`<a href=${source.url} target="_blank" rel="noopener noreferrer">${t.openSource}<span class="visually-hidden"> (${t.opensInNewTab})</span></a>`
                  : nothing
              }
              ${list ? html`<button type="button" class="popover-jump" @click=${() => this.jumpToList(analysis, source.id)}>${t.goToSourceList}</button>` : nothing}
            </p>`
          : html`<p id="popover-title">${t.source}</p>`
      }
    </div>${sourceTitles(analysis)}`;
  }
}
