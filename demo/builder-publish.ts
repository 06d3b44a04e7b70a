/**
 * The embed builder's download of the folder `newsroom-widgets publish` writes (site.zip), made
 * in this page from the same functions as the command (src/publish/site.ts): the same files,
 * addresses and snippets. Heights are measured here, in a hidden 375 px frame of this page,
 * where the command measures in a headless Chromium; a view that cannot be measured in time is
 * estimated, as the command does without a browser.
 *
 * Loaded only when the editor asks for the download; the static renders are made in a worker
 * (builder-publish.worker.ts says why), so Lit SSR and parse5 never load into the page.
 */
import { estimateHeight, MEASURE_WIDTH, measurePage, roundHeight } from '../src/publish/measure-page.js';
import { analysisFiles, embedPageHtml, normalizeBaseUrl, STYLESHEET_FILE } from '../src/publish/site.js';
import { withFolders, zipArchive, type ZipEntry } from '../src/publish/zip.js';
import type { Analysis } from '../src/schema/analysis.js';
import type { SiteRenderAnswer, SiteRenderRequest } from './builder-publish.worker.js';

/** The folder inside the zip: the `--out site` of the command the builder shows. */
export const SITE_FOLDER = 'site';
export const SITE_ZIP = 'site.zip';
/** As long as the command gives a page to render before it is estimated. */
const MEASURE_TIMEOUT_MS = 20_000;

export interface SiteDownloadInput {
  analysis: Analysis;
  /** The published folder's address, as typed (publish's --base-url). */
  siteBase: string;
  /** The classic embed script (dist/embed/embed.classic.js) of this version, as bytes. */
  embedScript: () => Promise<Uint8Array>;
  version: string;
  integrity: string | undefined;
  /** Progress for the editor, in words. */
  progress(text: string): void;
}

export interface SiteDownload {
  zip: Blob;
  /** Files in the folder (folders not counted). */
  files: number;
  /** Views measured here; the others were estimated. */
  measured: number;
  views: number;
}

/** Why the download could not be made, in words for the editor (shown as it is). */
export class SiteDownloadError extends Error {}

/** dist/embed/embed.classic.js from where the library's files are served. */
export async function fetchEmbedScript(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new SiteDownloadError(
      `Could not reach ${url} for embed.js, the script every page of the folder loads. Check the address of the library’s files, or publish from the command line.`,
    );
  }
  if (!response.ok)
    throw new SiteDownloadError(
      `${url} answered ${response.status}${response.status === 404 ? ' (not found)' : ''}: the folder needs that file as embed.js. Check the address of the library’s files (the package’s dist/ folder), or publish from the command line.`,
    );
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The height of `page` (an embed page) at 375 px wide, rendered in a frame of this page with the
 * script and stylesheet at the given addresses; undefined when it is not ready in time.
 */
function measureInFrame(page: string, scriptUrl: string, stylesheetUrl: string): Promise<number | undefined> {
  const frame = document.createElement('iframe');
  frame.title = 'Measuring a page of the folder';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // In the viewport, under the page and invisible: an off-screen or hidden frame gets no
  // animation frames, and the measured page waits for two.
  Object.assign(frame.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: `${MEASURE_WIDTH}px`,
    height: '1000px',
    border: '0',
    opacity: '0',
    pointerEvents: 'none',
    zIndex: '-1',
  });
  return new Promise((resolve) => {
    const done = (height: number | undefined) => {
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      frame.remove();
      resolve(height);
    };
    const onMessage = (event: MessageEvent) => {
      const height = (event.data as { nwMeasuredHeight?: unknown } | null)?.nwMeasuredHeight;
      if (event.source === frame.contentWindow && typeof height === 'number' && height > 0) done(height);
    };
    const timer = setTimeout(() => done(undefined), MEASURE_TIMEOUT_MS);
    addEventListener('message', onMessage);
    frame.srcdoc = measurePage(page, scriptUrl, stylesheetUrl);
    document.body.append(frame);
  });
}

/** The views with their static renders and snippets, and the stylesheet, from the worker. */
function renderInWorker(request: SiteRenderRequest): Promise<Extract<SiteRenderAnswer, { views: unknown }>> {
  const worker = new Worker(new URL('./builder-publish.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Extract<SiteRenderAnswer, { views: unknown }>>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<SiteRenderAnswer>) =>
      'problem' in event.data
        ? reject(new SiteDownloadError(`Could not render the pages: ${event.data.problem}`))
        : resolve(event.data),
    );
    worker.addEventListener('error', (event) =>
      reject(new SiteDownloadError(`Could not render the pages: ${event.message || 'the worker did not start'}`)),
    );
    // A worker's postMessage takes no target origin (the lint rule is for windows).
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

/** Raw deflate by the browser, for the zip. */
async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The published folder of `input.analysis` as a zip, with `site/` at its root. */
export async function siteDownload(input: SiteDownloadInput): Promise<SiteDownload> {
  const { analysis } = input;
  const base = normalizeBaseUrl(input.siteBase);
  if ('problem' in base)
    throw new SiteDownloadError(base.problem.replace('--base-url', 'The published folder’s address'));
  const baseUrl = base.url;

  input.progress('Getting embed.js…');
  const embedCode = await input.embedScript();
  input.progress('Rendering the pages…');
  const { views, stylesheet } = await renderInWorker({
    analysis,
    baseUrl,
    version: input.version,
    integrity: input.integrity,
  });

  const scriptUrl = URL.createObjectURL(new Blob([embedCode as BlobPart], { type: 'text/javascript' }));
  const stylesheetUrl = URL.createObjectURL(new Blob([stylesheet], { type: 'text/css' }));
  const heights = new Map<string, number>();
  let measured = 0;
  try {
    for (const [index, view] of views.entries()) {
      input.progress(`Measuring the pages: ${index + 1} of ${views.length}…`);
      const height = await measureInFrame(embedPageHtml(analysis, view, baseUrl), scriptUrl, stylesheetUrl);
      if (height !== undefined) measured++;
      heights.set(view.view, height !== undefined ? roundHeight(height) : estimateHeight(view.staticHtml));
    }
  } finally {
    URL.revokeObjectURL(scriptUrl);
    URL.revokeObjectURL(stylesheetUrl);
  }

  input.progress('Writing site.zip…');
  const encoder = new TextEncoder();
  const files: [string, Uint8Array][] = [
    ['embed.js', embedCode],
    [STYLESHEET_FILE, encoder.encode(stylesheet)],
    ...[...analysisFiles(analysis, views, heights, { baseUrl })].map(([path, text]): [string, Uint8Array] => [
      path,
      encoder.encode(text),
    ]),
  ];
  const entries: ZipEntry[] = await Promise.all(
    files.map(async ([path, data]) => ({ name: `${SITE_FOLDER}/${path}`, data, deflated: await deflate(data) })),
  );
  const zip = new Blob([zipArchive(withFolders(entries)) as BlobPart], { type: 'application/zip' });
  return { zip, files: files.length, measured, views: views.length };
}
