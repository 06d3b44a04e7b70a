// Node only (the publish command); the package's type build loads no Node types by default.
/// <reference types="node" />
/**
 * Each view's height at 375 px wide (a phone), for the oEmbed's initial `height`: measured in a
 * headless Chromium when one is installed (run directly, no puppeteer), else estimated from the
 * static render. Heights are rounded up to a multiple of 10 px so that publishing twice on the
 * same machine gives the same bytes.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';
import { MEASURE_WIDTH, measurePage, roundHeight } from './measure-page.js';

export { estimateHeight, MEASURE_WIDTH, roundHeight } from './measure-page.js';

/** Measurements tried per page before it is estimated. */
const ATTEMPTS = 3;
/**
 * How long (virtual time) a page may take to render. A page that is not ready by then gives no
 * measurement (and is estimated) rather than the height of a half-rendered page: on a busy
 * machine a half-way height would make two publishes differ.
 */
const BUDGET_MS = 20_000;

/** $CHROME_PATH when set (and runnable), else the first Chrome or Chromium installed. */
export const findChromium = (env: NodeJS.ProcessEnv = process.env): string | undefined => findBrowser(env);

/** The shared headless flags, plus what one measurement needs. */
const chromiumArgs = (profile: string, url: string): string[] => [
  ...CHROMIUM_ARGS,
  '--hide-scrollbars',
  '--mute-audio',
  `--user-data-dir=${profile}`,
  '--window-size=500,1000',
  `--virtual-time-budget=${BUDGET_MS}`,
  '--dump-dom',
  url,
];

/**
 * The page Chromium opens: headless Chromium's window is at least 500 px wide, so the view is
 * in a 375 px wide frame, whose height message goes into `data-nw-height` on <html>, which
 * --dump-dom prints.
 */
const framePage = (src: string): string => `<!doctype html>
<html><body style="margin:0">
<iframe src="${src}" style="display:block;width:${MEASURE_WIDTH}px;height:1000px;border:0"></iframe>
<script>
addEventListener('message', function (event) {
  var height = event.data && event.data.nwMeasuredHeight;
  if (typeof height === 'number') document.documentElement.setAttribute('data-nw-height', String(height));
});
</script>
</body></html>
`;

const run = (command: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });

/**
 * Each page's height (rounded up to 10 px) at 375 px wide, by name; `script` is the path of the
 * classic script that renders the pages, `stylesheet` the text of the static stylesheet.
 * Undefined for a page Chromium could not measure.
 */
export async function measureHeights(
  chromium: string,
  pages: ReadonlyMap<string, string>,
  script: string,
  stylesheet: string,
): Promise<Map<string, number | undefined>> {
  const folder = await mkdtemp(join(tmpdir(), 'nw-publish-'));
  const heights = new Map<string, number | undefined>();
  try {
    const scriptUrl = pathToFileURL(script).href;
    const stylesheetFile = join(folder, 'newsroom-widgets.css');
    await writeFile(stylesheetFile, stylesheet);
    const stylesheetUrl = pathToFileURL(stylesheetFile).href;
    const names = [...pages.keys()];
    const measureOne = async (name: string, index: number): Promise<void> => {
      await writeFile(join(folder, `page-${index}.html`), measurePage(pages.get(name)!, scriptUrl, stylesheetUrl));
      const file = join(folder, `frame-${index}.html`);
      await writeFile(file, framePage(`page-${index}.html`));
      let height: number | undefined;
      // A busy machine can starve one Chromium past its time: try again before estimating,
      // since a page estimated in one publish and measured in the next would differ.
      for (let attempt = 0; attempt < ATTEMPTS && height === undefined; attempt++) {
        try {
          const profile = join(folder, `profile-${index}-${attempt}`);
          const dom = await run(chromium, chromiumArgs(profile, pathToFileURL(file).href));
          const found = /<html[^>]*\sdata-nw-height="(\d+)"/.exec(dom)?.[1];
          if (found && Number(found) > 0) height = roundHeight(Number(found));
        } catch {
          height = undefined;
        }
      }
      heights.set(name, height);
    };
    // Two at a time: a browser each, on machines that often have two cores.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < names.length) {
        const index = next++;
        await measureOne(names[index]!, index);
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  // In the pages' order, whichever finished first.
  return new Map([...pages.keys()].map((name) => [name, heights.get(name)]));
}
