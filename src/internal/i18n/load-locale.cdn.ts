/**
 * load-locale.ts for the script-tag and embed bundles (scripts/build-cdn.ts swaps it in): a
 * built-in language's file is `locales/<tag>.js` beside the bundle, a classic script that
 * puts its messages on `NewsroomWidgetsLocales`. A script element, not `import()`: it loads
 * the same way for the module and the classic build, in a sandboxed frame too (no CORS).
 */
import type { Messages } from './messages.js';

/** The bundle's own address: `import.meta.url`, or the classic script's `src` (see build-cdn.ts). */
declare const NEWSROOM_WIDGETS_SCRIPT_URL: string | undefined;

const base = NEWSROOM_WIDGETS_SCRIPT_URL || document.baseURI;

export const loadLocale = (lang: string): Promise<Messages> =>
  new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(`locales/${lang}.js`, base).href;
    const done = () => {
      const found = (globalThis as { NewsroomWidgetsLocales?: Record<string, Messages> }).NewsroomWidgetsLocales?.[
        lang
      ];
      if (found) resolve(found);
      else reject(new Error(script.src));
    };
    // Loaded or not, the messages are there or they are not.
    script.addEventListener('load', done);
    script.addEventListener('error', done);
    document.head.append(script);
  });
