/**
 * Keeps an element in step with the page's languages: it renders again when words arrive (a
 * locale file loaded, `registerLocale` called; see i18n/locale.ts), and its `dir` follows the
 * language it speaks, so Arabic and Hebrew chrome lays out right to left on any page (and English
 * left to right on a Hebrew one). A `dir` the page wrote on the element is left alone.
 *
 * One subscription per element on the page, dropped when it leaves: a closure, not a class
 * (local names minify, property names do not).
 */
import type { ReactiveControllerHost } from 'lit';
import { onLocalesChange, type Locale } from '../i18n/locale.js';

export function localeController(host: ReactiveControllerHost & HTMLElement, locale: () => Locale): void {
  let unsubscribe: (() => void) | undefined;
  /** The `dir` this set last; another value there is the page's own. */
  let set: string | null = null;
  host.addController({
    hostConnected: () => (unsubscribe = onLocalesChange(() => host.requestUpdate())),
    hostDisconnected: () => unsubscribe?.(),
    hostUpdate() {
      const dir = locale().dir;
      // Only where the page's direction is not the language's already (no `dir` on every
      // element of an English page), and never over a `dir` the page wrote.
      if (host.getAttribute('dir') === set && (set ? set !== dir : host.matches(':dir(rtl)') !== (dir === 'rtl')))
        host.setAttribute('dir', (set = dir));
    },
  });
}
