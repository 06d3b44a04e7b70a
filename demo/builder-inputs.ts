/**
 * The embed builder's ways to give step 1 its text besides typing: a chosen file, a dropped
 * file, the sample button. Each ends in `load(text)`, as if the text had been pasted; another
 * way in (an import from another format) is one more listener here.
 */
import type { BuilderView } from './builder-view.js';

/** Adds a listener that is removed when the builder is destroyed (builder.ts has the one). */
export type Listen = (target: EventTarget, type: string, listener: (event: Event) => void) => void;

export interface InputWiring {
  /** Puts the text in step 1 and reads it at once. */
  load(text: string): Promise<void>;
  /** Says that a file could not be read. */
  fail(message: string): void;
  sample: string | undefined;
  /** Listens until the builder is destroyed. */
  on: Listen;
}

export function wireInputs(view: BuilderView, { load, fail, sample, on }: InputWiring): void {
  async function loadFile(picked: File | undefined) {
    if (!picked) return;
    try {
      await load(await picked.text());
    } catch (error) {
      fail(`Could not read ${picked.name}: ${String(error)}`);
    }
  }

  on(view.file, 'change', () => void loadFile(view.file.files?.[0]));
  on(view.drop, 'dragover', (event) => {
    event.preventDefault();
    view.drop.classList.add('is-over');
  });
  on(view.drop, 'dragleave', () => view.drop.classList.remove('is-over'));
  on(view.drop, 'drop', (event) => {
    const transfer = (event as DragEvent).dataTransfer;
    view.drop.classList.remove('is-over');
    const dropped = transfer?.files[0];
    if (dropped) {
      event.preventDefault();
      void loadFile(dropped);
    }
    // Dropped text goes into the textarea as usual and fires `input`.
  });
  // The page has the button only when there is a sample (builder-template.ts).
  if (view.sample && sample !== undefined) on(view.sample, 'click', () => void load(sample));
}
