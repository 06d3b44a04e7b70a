/**
 * The embed builder's step 3: the live element in the preview box, kept in step with the
 * choice, and a way to wait until it has rendered (static HTML is serialised from it).
 */
import type { Analysis } from '../src/schema/analysis.js';
import { shadowRootsIn, type SnippetChoice } from './builder-snippets.js';

export interface PreviewBox {
  box: HTMLElement;
  /** The sentence shown instead of an element. */
  empty: HTMLElement;
}

/**
 * Shows the chosen element with the choice's options: `current` updated in place, or a new
 * element when `rebuild` (new data) or the element changed. Returns the element shown.
 */
export function showPreview(
  { box, empty }: PreviewBox,
  current: HTMLElement | undefined,
  choice: SnippetChoice,
  rebuild: boolean,
): HTMLElement {
  box.dataset.previewTheme = choice.theme;
  let preview = current;
  if (rebuild || !preview || preview.localName !== choice.element) {
    preview?.remove();
    preview = document.createElement(choice.element);
    empty.hidden = true;
    box.append(preview);
  }
  if (choice.element === 'nw-stance-card' && choice.actor) preview.setAttribute('actor', choice.actor);
  else preview.removeAttribute('actor');
  preview.setAttribute('lang', choice.lang);
  preview.setAttribute('theme', choice.theme);
  (preview as HTMLElement & { analysis?: Analysis }).analysis = choice.analysis;
  return preview;
}

/** Removes the element, if any, and says why there is none. */
export function clearPreview({ empty }: PreviewBox, current: HTMLElement | undefined, why: string): void {
  current?.remove();
  empty.textContent = why;
  empty.hidden = false;
}

/** Waits until the element and every element it renders have finished rendering. */
export async function whenRendered(element: HTMLElement): Promise<void> {
  const widgets = (): (HTMLElement & { updateComplete?: Promise<unknown> })[] =>
    shadowRootsIn(element)
      .map((root) => root.host as HTMLElement)
      .filter((host) => host.localName.startsWith('nw-'));
  for (let attempt = 0; attempt < 200; attempt++) {
    const all = [element, ...widgets()] as (HTMLElement & { updateComplete?: Promise<unknown> })[];
    await Promise.all(all.map((widget) => widget.updateComplete));
    if (all.every((widget) => /^(ready|error)$/.test(widget.getAttribute('state') ?? ''))) {
      // Elements rendered by the ones that just finished: one more pass to see them.
      const again = [element, ...widgets()];
      if (again.length === all.length) return;
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
