/**
 * Lets a reader's text-spacing override reach inside (WCAG 1.4.12): a bookmarklet or user style
 * setting `* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important }` sets them
 * on our host, and the shadow tree inherits them. Page CSS can also set them to what no one can
 * read (`letter-spacing: -1em`, the hostile-page tests): then the host gets `data-tight` and the
 * base styles put them back to normal inside. Checked after the first update and each time
 * the element joins a page, not after every update: reading computed style forces a style
 * recalculation, and a long timeline updates once per rendered chunk.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class TextSpacingController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  #checked = false;

  hostConnected(): void {
    this.#checked = false;
  }

  hostUpdated(): void {
    if (this.#checked) return;
    this.#checked = true;
    const style = getComputedStyle(this.#host);
    // `normal` parses as NaN: not negative.
    const tight = parseFloat(style.letterSpacing) < 0 || parseFloat(style.wordSpacing) < 0;
    if (this.#host.hasAttribute('data-tight') !== tight) this.#host.toggleAttribute('data-tight', tight);
  }
}
