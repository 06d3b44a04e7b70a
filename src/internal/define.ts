/**
 * Guarded registration. CMS pages often load a library twice (two embeds, two versions);
 * `customElements.define` throws on the second call, so we check first. The first
 * registration wins; a second copy (same version or not) or another library holding the tag
 * is reported once per page, not once per element.
 */
import { VERSION } from '../version.js';

const WARNED = Symbol.for('newsroom-widgets.define-warned');
type WarnedRegistry = typeof globalThis & { [WARNED]?: boolean };

function warnOnce(message: string): void {
  const global = globalThis as WarnedRegistry;
  if (global[WARNED]) return;
  global[WARNED] = true;
  console.warn(message);
}

export function defineElement(tag: string, element: CustomElementConstructor & { version?: string }): void {
  if (typeof customElements === 'undefined') return; // server-side rendering, tests in Node
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (existing === element) return;
  if (existing) {
    // Even the same version is worth one line: two copies mean the page downloads and runs
    // the library twice, and a page author can only fix what the console tells them.
    const theirs =
      existing.version === VERSION
        ? `another copy of newsroom-widgets ${VERSION} (loaded twice on this page)`
        : existing.version
          ? `newsroom-widgets ${existing.version}`
          : 'another script';
    warnOnce(`newsroom-widgets ${VERSION}: <${tag}> is already defined by ${theirs}; the first definition is kept.`);
    return;
  }
  try {
    customElements.define(tag, element);
  } catch (cause) {
    warnOnce(
      `newsroom-widgets ${VERSION}: could not define <${tag}>: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
