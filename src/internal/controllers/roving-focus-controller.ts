/**
 * A list that Tab reaches once (roving tabindex): one item has tabindex 0, the others -1;
 * arrow keys, Home and End move focus and the tab stop between items, and focusing an item
 * any other way (a click, a back-link, a control inside it) makes it the tab stop.
 *
 * Items are the elements matching `selector` in the host's shadow root, each naming itself
 * in a data attribute (`key`, as `dataset` spells it: `'statement'` for `data-statement`).
 * The tab stop is kept by key, not by element: when a re-render reuses elements for other
 * items (another order, a filter), the tab stop, and focus if an item had it, stay with
 * the item the reader was on.
 *
 * The host calls `tabStop()` in each render that lists the items, sets
 * `tabindex=${roving.tabIndex(key)}` on each (what the first render, or the server, writes)
 * and binds `keydown` and `focusin` on an ancestor of the items.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How far each key moves focus: Home and End as far as the list goes. */
const STEPS = new Map([
  ['ArrowDown', 1],
  ['ArrowUp', -1],
  ['Home', -Infinity],
  ['End', Infinity],
]);

export type RovingFocusHost = ReactiveControllerHost & Pick<HTMLElement, 'shadowRoot'>;

export class RovingFocusController implements ReactiveController {
  /** The key of the item holding the tab stop. */
  current?: string;
  // `#` members: the minifier shortens their names, where `private` ones ship in full.
  /** The key of the item that had focus when this update began. */
  #focused?: string;
  /**
   * Whether this update renders the items (it called `tabStop`). One that does not, such
   * as a host still showing what the server rendered, leaves the tabindex it finds alone.
   */
  #listed = false;
  /** The element this controller last gave the tab stop. */
  #lastStop: HTMLElement | null = null;

  readonly #host: RovingFocusHost;
  readonly #selector: string;
  readonly #key: string;
  readonly #beforeEnd: () => void;

  /**
   * `beforeEnd` runs before End moves focus: a list rendered progressively renders its
   * last item there, so End means the last item, not the last one rendered so far.
   */
  constructor(host: RovingFocusHost, selector: string, key: string, beforeEnd: () => void = () => {}) {
    this.#host = host;
    this.#selector = selector;
    this.#key = key;
    this.#beforeEnd = beforeEnd;
    host.addController(this);
  }

  tabIndex(key: string): '0' | '-1' {
    return key === this.current ? '0' : '-1';
  }

  /** The rendered item named `key`, if any. */
  item(key: string | undefined): HTMLElement | null {
    if (key === undefined) return null;
    const selector = `${this.#selector}[data-${this.#key}="${CSS.escape(key)}"]`;
    return this.#host.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
  }

  /**
   * Picks this render's tab stop: the item that had it while it is still listed (`position`
   * gives each listed key's index), else the `first`. When only the first `rendered` items
   * are in the DOM, a tab stop beyond them falls back to the first, so Tab always finds a
   * rendered item, unless it has focus: then it stays, and the result (how many items to
   * render) reaches it.
   */
  tabStop(position: ReadonlyMap<string, number>, first: string | undefined, rendered = Infinity): number {
    this.#listed = true;
    const at = this.current === undefined ? undefined : position.get(this.current);
    if (at === undefined) this.current = first;
    else if (at >= rendered) {
      if (this.#focused === this.current) return at + 1;
      this.current = first;
    }
    return rendered;
  }

  readonly keydown = (event: KeyboardEvent): void => {
    const step = STEPS.get(event.key);
    const current = (event.target as Element).closest?.(this.#selector);
    // Keys on a link or button inside an item are theirs.
    if (step === undefined || !current || event.target !== current) return;
    if (step === Infinity) this.#beforeEnd();
    const items = this.#items(this.#selector);
    const target = items[Math.max(0, Math.min(items.length - 1, items.indexOf(current as HTMLElement) + step))];
    event.preventDefault();
    if (!target) return;
    this.#moveTo(target);
    target.focus();
  };

  readonly focusin = (event: FocusEvent): void => {
    const item = (event.target as Element).closest?.<HTMLElement>(this.#selector);
    if (item && item.dataset[this.#key] !== this.current) this.#moveTo(item);
  };

  /**
   * Makes `item` the tab stop, in the DOM too. The only other item with tabindex 0 is then
   * the last tab stop, or, once that left the page, whichever items say so (looked for only
   * then: ten thousand items take milliseconds). They are told apart by key, not element:
   * content the server rendered, still in the shadow root until the host's own replaces it,
   * holds a copy of the tab stop that must not take it from the host's.
   */
  #moveTo(item: HTMLElement | null): void {
    const others = this.#lastStop?.isConnected ? [this.#lastStop] : this.#items(`${this.#selector}[tabindex="0"]`);
    if (item) {
      item.tabIndex = 0;
      this.current = item.dataset[this.#key];
    }
    for (const other of others) if (other.dataset[this.#key] !== this.current) other.tabIndex = -1;
    this.#lastStop = item;
  }

  #items(selector: string): HTMLElement[] {
    return [...(this.#host.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
  }

  hostUpdate(): void {
    this.#listed = false;
    const active = this.#host.shadowRoot?.activeElement as HTMLElement | null | undefined;
    this.#focused = active?.matches(this.#selector) ? active.dataset[this.#key] : undefined;
  }

  hostUpdated(): void {
    // Lit leaves an attribute alone when its value is the one Lit last wrote, even if keys
    // moved the tab stop since, and guarded or reused elements are not re-rendered at all:
    // the DOM is put right here, rather than with `live()` on every item.
    const item = this.item(this.current);
    if (this.#listed) this.#moveTo(item);
    // Elements are reused for other items when the order or filter changes: focus stays
    // with the item the reader was on, not with whatever element now sits in its place.
    if (item && this.#focused === this.current && this.#host.shadowRoot?.activeElement !== item) {
      item.focus({ preventScroll: true });
    }
    this.#focused = undefined;
  }
}
