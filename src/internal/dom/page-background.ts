/**
 * Whether an element sits on a dark background: the first mostly opaque background colour
 * among its ancestors (across shadow roots), else the page's canvas (dark when the root's
 * `color-scheme` is dark only). For `<nw-cite>`, whose marker is drawn on the article's own
 * background, which its theme cannot know.
 */
import { composedAncestors } from './composed-ancestors.js';

/**
 * `rgb(…)` / `rgba(…)` as computed styles give them: its brightness 0–1 (the plain weighted
 * mean, enough to tell dark from light) when mostly opaque, undefined when see-through or
 * another notation.
 */
function opaqueBrightness(color: string): number | undefined {
  const [r, g, b, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number) as number[];
  if (!/^rgba?\(/.test(color) || b === undefined || a < 0.5) return undefined;
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b) / 255;
}

export function isOnDarkBackground(element: Element): boolean {
  for (const node of composedAncestors(element)) {
    if (!(node instanceof Element)) continue;
    const brightness = opaqueBrightness(getComputedStyle(node).backgroundColor);
    if (brightness !== undefined) return brightness < 0.45;
  }
  return getComputedStyle(document.documentElement).colorScheme.trim() === 'dark';
}
