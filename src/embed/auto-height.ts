/**
 * Keeps a host informed of this document's height: a ResizeObserver on the root element (and
 * on every popover in the elements' shadow roots) schedules one measurement per animation
 * frame, and a height is sent only when it differs from the last one sent.
 *
 * - The height is the root element's (the body has no margin, so that is the content), or
 *   more while a popover that does not fit is open (the frame grows to show it whole).
 * - Browsers may stop animation frames and resize observations in an iframe that is off
 *   screen, so each request also has a timer fallback, and element events (`nw-ready`,
 *   `nw-error`), the window's `load` and finished font loads ask for a measurement too: a
 *   frame below the fold gets its height before the reader scrolls to it.
 * - `request()` answers a host that asks (pym's width message): it sends the height even
 *   when it is the one sent last.
 */

/** How long a scheduled measurement may wait for an animation frame before it runs anyway. */
const FALLBACK_MS = 200;

export type HeightSink = (height: number) => void;

export class AutoHeight {
  private readonly send: HeightSink;
  private readonly observer: ResizeObserver;
  private readonly popovers = new Set<HTMLElement>();
  private last?: number;
  private frame = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private force = false;

  constructor(send: HeightSink) {
    this.send = send;
    this.observer = new ResizeObserver(() => this.schedule());
  }

  start(): void {
    this.observer.observe(document.documentElement);
    for (const type of ['nw-ready', 'nw-error']) document.addEventListener(type, this.onElementEvent);
    addEventListener('load', this.onElementEvent);
    document.fonts?.addEventListener('loadingdone', this.onChange);
    this.schedule();
  }

  stop(): void {
    this.observer.disconnect();
    for (const type of ['nw-ready', 'nw-error']) document.removeEventListener(type, this.onElementEvent);
    removeEventListener('load', this.onElementEvent);
    document.fonts?.removeEventListener('loadingdone', this.onChange);
    this.cancel();
  }

  /** Sends the height at the next frame even if it is unchanged (a host asked for it). */
  request(): void {
    this.force = true;
    this.schedule();
  }

  /** The height the host should give the frame now, in whole CSS px. */
  measure(): number {
    let height = document.documentElement.getBoundingClientRect().height;
    for (const popover of this.popovers) {
      if (!popover.isConnected) {
        this.popovers.delete(popover);
        this.observer.unobserve(popover);
      } else if (popover.matches(':popover-open')) {
        // Popovers are fixed in the viewport: below its marker (document position = viewport
        // position + scroll), or as a sheet at the frame's bottom, which needs its own height.
        const box = popover.getBoundingClientRect();
        height = Math.max(height, box.bottom + scrollY, box.height);
      }
    }
    return Math.ceil(height);
  }

  private readonly onChange = (): void => this.schedule();

  /** An element rendered (or failed): it may have brought new popovers, and a new height. */
  private readonly onElementEvent = (): void => {
    this.watchPopovers();
    this.schedule();
  };

  /** Observes every popover in the page's shadow roots (they open in the top layer). */
  private watchPopovers(): void {
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.hasAttribute('popover') && !this.popovers.has(element)) {
          this.popovers.add(element);
          this.observer.observe(element);
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(this.flush);
    this.timer = setTimeout(this.flush, FALLBACK_MS);
  }

  private cancel(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
  }

  private readonly flush = (): void => {
    this.cancel();
    const height = this.measure();
    if (height <= 0 || (height === this.last && !this.force)) return;
    this.force = false;
    this.last = height;
    this.send(height);
  };
}
