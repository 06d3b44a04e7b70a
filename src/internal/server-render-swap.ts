/**
 * Content the server rendered (a declarative shadow root, see `newsroom-widgets/render`)
 * stays on screen until the element has an outcome of its own, and is swapped for it in the
 * same task, before anything paints: no placeholder flashes over it and the page does not jump.
 */
import type { RenderOptions } from 'lit';

/**
 * For `createRenderRoot`: keeps what the server put in `root` and has Lit render after it.
 * Returns what removes it, to call once the element's own outcome is rendered; undefined
 * when the server rendered nothing.
 */
export function keepServed(root: ShadowRoot | null, options: RenderOptions): (() => void) | undefined {
  if (!root?.firstChild) return undefined;
  const served = [...root.childNodes];
  // Lit renders before the root's first child; render after the served nodes instead,
  // so that removing them later leaves Lit's own nodes alone.
  options.renderBefore = root.appendChild(document.createTextNode(''));
  return () => served.forEach((node) => node.remove());
}
