/**
 * Long lists render progressively: the first items at once (the reader sees content, the
 * element can announce it is ready), the rest in later chunks, one short timer task each,
 * so ten thousand items never block the page for seconds. Everything ends up in the DOM:
 * find-in-page, keyboard order and screen readers are unaffected once the chunks are in.
 *
 * The host asks `count(items, total)` while rendering and renders that many. Chunks run
 * only after updates that asked (an element showing an error or a placeholder has no
 * list), stop while the host is off the page and resume when it comes back. Static HTML
 * from the server gets every item: there are no later chunks.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { IS_SERVER } from '../is-server.js';

export class ProgressiveRenderController implements ReactiveController {
  /** How many items are rendered (or are being rendered in this update). */
  get limit(): number {
    return this.#limit;
  }
  /** How many items there are in all, as the host said in this update; 0 when it rendered none. */
  total = 0;
  // `#` members: the minifier shortens their names, where `private` ones ship in full.
  #limit: number;
  #items?: unknown;
  #timer?: ReturnType<typeof setTimeout>;

  readonly #host: ReactiveControllerHost & Element;
  readonly #renderNow: () => void;
  readonly #first: number;
  readonly #chunk: number;

  /**
   * `renderNow` runs the host's pending update synchronously (a LitElement passes
   * `() => this.performUpdate()`, which is protected); `first` items render at once, then
   * `chunk` more per task.
   */
  constructor(host: ReactiveControllerHost & Element, renderNow: () => void, first: number, chunk: number) {
    this.#host = host;
    this.#renderNow = renderNow;
    this.#limit = this.#first = first;
    this.#chunk = chunk;
    host.addController(this);
  }

  /**
   * How many of `total` items to render now. `items` is the list's identity: a different
   * one (new data, another order) starts over from the first chunk.
   */
  count(items: unknown, total: number): number {
    if (items !== this.#items) {
      this.#items = items;
      this.#limit = this.#first;
    }
    this.total = total;
    return IS_SERVER ? total : Math.min(this.#limit, total);
  }

  /** At least `count` items from now on: what the host rendered beyond the chunks (a focused item further down). */
  atLeast(count: number): void {
    this.#limit = Math.max(this.#limit, count);
  }

  /** Renders now, synchronously, at least the first `index + 1` items (to focus or reveal item `index`). */
  renderThrough(index: number): void {
    if (index < this.#limit) return;
    this.#limit = Math.min(this.total, index + 1);
    this.#host.requestUpdate();
    this.#renderNow();
  }

  hostUpdate(): void {
    this.total = 0;
  }

  hostUpdated(): void {
    clearTimeout(this.#timer);
    // Off the page (an update Lit still runs on a removed element: a property set, a shared
    // fetch that finished late) schedules nothing; hostConnected resumes.
    if (this.#limit < this.total && this.#host.isConnected) {
      this.#timer = setTimeout(() => {
        this.#limit += this.#chunk;
        this.#host.requestUpdate();
      });
    }
  }

  hostConnected(): void {
    // Moved elsewhere on the page mid-rendering: the chunks stopped on disconnect, resume them.
    if (this.#limit < this.total) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
