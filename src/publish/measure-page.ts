/**
 * How `publish` and the embed builder measure an embed page's height at 375 px wide (a phone):
 * the page with its script and stylesheet addresses swapped for ones the measuring browser can
 * load, and a script that reports the height once the view has rendered. Pure text, no Node or
 * DOM: heights.ts runs it in a headless Chromium, the builder in a hidden frame of its own page.
 */

export const MEASURE_WIDTH = 375;
/** Heights are rounded up to a multiple of this, so that measuring twice gives the same bytes. */
const STEP = 10;

/** Up to the next multiple of 10 px. */
export const roundHeight = (height: number): number => Math.max(STEP, Math.ceil(height / STEP) * STEP);

/**
 * Written into the measured page: once the view's element has rendered (state ready or error)
 * and two frames have passed, the root element's height (what the embed page reports to its
 * host) goes to the frame around it (`parent.postMessage({ nwMeasuredHeight })`).
 */
const MEASURE_SCRIPT = `<script>
(function () {
  var root = document.documentElement;
  function write() {
    parent.postMessage({ nwMeasuredHeight: Math.ceil(root.getBoundingClientRect().height) }, '*');
  }
  function poll() {
    var element = document.querySelector('body > [state]');
    var state = element && element.getAttribute('state');
    if (state === 'ready' || state === 'error') {
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(write, 100); }); });
      return;
    }
    setTimeout(poll, 50);
  }
  addEventListener('load', poll);
})();
</script>`;

/**
 * `page` with its script replaced by `scriptUrl`, its stylesheet links (`../newsroom-widgets.css`)
 * by `stylesheetUrl`, and the measuring script added.
 */
export function measurePage(page: string, scriptUrl: string, stylesheetUrl: string): string {
  return page
    .replace(/<script src="[^"]*" defer><\/script>/, `<script src="${scriptUrl}" defer></script>`)
    .replaceAll('href="../newsroom-widgets.css"', `href="${stylesheetUrl}"`)
    .replace(/<\/body>/, `${MEASURE_SCRIPT}\n</body>`);
}

/**
 * A rough height at 375 px wide from a static render, for when no browser is installed: its
 * visible text at about 40 characters a line of 24 px, plus room for headings and padding,
 * rounded up to 10 px.
 */
export function estimateHeight(staticHtml: string): number {
  const text = staticHtml
    .replace(/<(style|script)\b[^>]*>[^]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, 'x')
    .replace(/\s+/g, ' ')
    .trim();
  const blocks = (staticHtml.match(/<(?:h[1-6]|p|li|dt|dd|button|figcaption)\b/gi) ?? []).length;
  return roundHeight(48 + Math.ceil(text.length / 40) * 24 + blocks * 12);
}
