/**
 * The render-speed page: one library turns data already in the page into a timeline (or, for
 * ours, the whole analysis), and the page reports when that happened.
 *
 * The clock (`T0`) starts in an inline script just before the library's own script tag, after
 * the data has been parsed: what is timed is the library's script being parsed and run, then
 * the library turning the data into content. Both libraries are classic scripts (ours:
 * dist/cdn/newsroom-widgets.classic.js, the script-tag build with every element; TimelineJS:
 * its dist/js/timeline.js with its CSS in <head>), so neither waits for the other's kind of
 * loading.
 *
 * Reported, in milliseconds from T0:
 * - `loaded`: the library's script has run;
 * - `ready`: its ready event: `nw-ready` from the element (fired once the content is in its
 *   shadow DOM), TimelineJS's `loaded` (fired once every slide and marker is built);
 * - `paint`: the end of the first frame rendered after the ready event: the first paint with
 *   content. A requestAnimationFrame callback runs at the start of that frame; a
 *   `user-blocking` task posted from it runs as soon as Chromium has computed style, laid out
 *   and painted that frame on the main thread (rasterising and showing it happen off the main
 *   thread, a few tens of ms later). Not `setTimeout`: a timer set earlier, such as our own
 *   next rendering chunk, would run first and be counted in the paint. Long-animation-frame
 *   entries put the end of that frame within about 25 ms before this time.
 * - `fcp`: the browser's own first-contentful-paint (a presentation time), kept in the JSON
 *   as a cross-check. For ours it is the first paint with content, since nothing on the page
 *   has text before; TimelineJS paints a "loading" message first, so for it FCP is earlier
 *   than its content and says nothing about it.
 * - `entries`: how many entries (our `li.entry`, TimelineJS's `.tl-slide`) were in the DOM at
 *   that paint: a paint with no content fails the run rather than counting as fast.
 */

export type Library = 'ours' | 'timelinejs';
/** What ours renders: the timeline, or the whole analysis (sample case). */
export type OurElement = 'nw-timeline' | 'nw-analysis';

export interface RenderResult {
  loaded: number;
  ready: number;
  paint: number;
  entries: number;
  error?: string;
}

/** URL of the classic script-tag build, as the server serves dist/. */
export const OUR_SCRIPT = '/dist/cdn/newsroom-widgets.classic.js';

/**
 * TimelineJS as a site hosting it itself would set it up: its locale and style files from our
 * server rather than its CDN (the bench runs offline), and no web font, as ours uses none
 * (its default font CSS would fetch PT Sans from Google Fonts).
 */
export const TIMELINEJS_OPTIONS = `{ script_path: '/timelinejs/js/', font: null }`;

const LIBRARY_HEAD: Record<Library, string> = {
  ours: '',
  timelinejs: '<link rel="stylesheet" href="/timelinejs/css/timeline.css">',
};

const LIBRARY_SCRIPT: Record<Library, string> = {
  ours: `<script src="${OUR_SCRIPT}"></script>`,
  timelinejs: '<script src="/timelinejs/js/timeline.js"></script>',
};

/** In the page: calls `ready()` on the library's ready event; `window.DATA` holds the data. */
const start = (library: Library, element: OurElement) =>
  library === 'ours'
    ? `const el = document.createElement('${element}');
     const entries = () => el.shadowRoot.querySelectorAll('${element === 'nw-timeline' ? 'li.entry' : '[part~=section]'}').length;
     const total = ${element === 'nw-timeline' ? 'window.DATA.ours.statements.length' : 'window.DATA.ours.sections.length'};
     el.addEventListener('nw-ready', (event) => { if (event.composedPath()[0] === el) ready(); });
     el.addEventListener('nw-error', (event) => { window.RESULT = { error: event.detail.message }; });
     el.analysis = window.DATA.ours;
     document.querySelector('main').append(el);`
    : `const entries = () => document.querySelectorAll('.tl-slide').length;
     const total = 0; // TimelineJS has built every slide by its loaded event
     const timeline = new TL.Timeline('timeline', window.DATA.timelinejs, TIMELINEJS_OPTIONS);
     timeline.on('loaded', ready);`;

/**
 * The page; `dataUrl` is a script setting `window.DATA = { ours, timelinejs }`
 * (see bench/data.ts).
 */
export const renderPage = (library: Library, element: OurElement, dataUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>render</title>
${LIBRARY_HEAD[library]}
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif}main{width:1000px}#timeline{height:650px}</style>
<script>
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.FCP = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
</script>
</head><body>
<main>${library === 'timelinejs' ? '<div id="timeline"></div>' : ''}</main>
<script src="${dataUrl}"></script>
<script>window.T0 = performance.now();</script>
${LIBRARY_SCRIPT[library]}
<script>
  const loaded = performance.now() - T0;
  let readyAt;
  const ready = () => {
    if (readyAt !== undefined) return;
    readyAt = performance.now() - T0;
    requestAnimationFrame(() => scheduler.postTask(() => {
      window.RESULT = { loaded, ready: readyAt, paint: performance.now() - T0, entries: entries() };
      // Ours keeps rendering the rest in later chunks, one short task each: note when the last entry is in.
      const poll = setInterval(() => {
        if (entries() < total) return;
        clearInterval(poll);
        window.ALL_IN_DOM = performance.now() - T0;
      }, 50);
    }, { priority: 'user-blocking' }));
  };
  const TIMELINEJS_OPTIONS = ${TIMELINEJS_OPTIONS};
  ${start(library, element)}
</script>
</body></html>`;

/** The same page without a library: the memory baseline (the data parsed, nothing rendered). */
export const blankPage = (dataUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>baseline</title></head><body>
<main></main>
<script src="${dataUrl}"></script>
<script>window.RESULT = {};</script>
</body></html>`;
