/**
 * The order of the embed builder's updates: one at a time, in the order the changes came
 * (a static-HTML update waits for the preview to render, and a later one must not pass it),
 * with typing debounced, and `settled()` for tests and `Builder.settled`.
 */
export class UpdateQueue {
  #work: Promise<void> = Promise.resolve();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Lets the queue go on past a debounced task that was replaced or dropped. */
  #release: (() => void) | undefined;
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  /** Runs `task` after every update queued before it; resolves once it has run. */
  run(task: () => Promise<void> | void): Promise<void> {
    this.#work = this.#work.then(task).catch(this.#onError);
    return this.#work;
  }

  /**
   * Runs `task` once `delay` ms pass without another call. Updates queued meanwhile wait for
   * it, so they see the text it reads; each call replaces the one before.
   */
  debounce(delay: number, task: () => void): void {
    clearTimeout(this.#timer);
    const pending = new Promise<void>((resolve) => {
      this.#release?.();
      this.#release = resolve;
    });
    this.#work = this.#work.then(() => pending);
    this.#timer = setTimeout(() => {
      const release = this.#release;
      this.#release = undefined;
      task();
      release?.();
    }, delay);
  }

  /** Drops the debounced task, if any (a newer change supersedes it). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#release?.();
    this.#release = undefined;
  }

  /** Resolves once the queue is empty, including updates queued while waiting. */
  async settled(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.#work) {
      seen = this.#work;
      await seen;
    }
  }
}
