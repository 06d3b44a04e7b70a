/**
 * The layout-stability page: a news article as a CMS prints it (headline, standfirst,
 * paragraphs from the sample analysis), with two widgets between paragraphs, pasted as each
 * kind of code we hand out: a stance card right after the standfirst (inside the first screen
 * on a phone and on a desktop, where a shift counts) and the timeline further down.
 *
 * The page records, from its first script on (before any library):
 * - every `layout-shift` entry without recent input (`hadRecentInput` excluded, as CLS does),
 *   with what moved;
 * - every `longtask` (a main-thread task over 50 ms);
 * - `READY`: when its widgets said they were ready (every top-level `nw-*` element's
 *   `nw-ready`; TimelineJS's `loaded`; for iframes, every frame's load event: their data and
 *   height come after, which is why the runner waits for the page to settle, see
 *   layout-stability.ts);
 * - `LAST_MESSAGE`: the last postMessage from a frame (the embed announcing its height);
 * - `FCP`: the first contentful paint (the article's text), to tell shifts before and after it;
 * - `DEFINED`: for ours, when the script tag had registered the elements.
 */
import { escapeAttribute as escapeText } from '../../src/internal/markup.js';
import type { AnalysisInput } from '../../src/schema/analysis.js';
import { TIMELINEJS_OPTIONS } from './render-page.js';

/** Where each variant's data lives on the server (see layout-stability.ts for the delay). */
export const ARTICLE_DATA = {
  analysis: '/data/article-analysis.json',
  timelinejs: '/data/article-timelinejs.json',
} as const;

/** The stance card's actor (the first screen's widget). */
export const ARTICLE_ACTOR = 'claudia-sheinbaum';

/**
 * What each kind of code puts in the page, made by the caller from our own tools (see
 * layout-stability.ts): `head` goes into `<head>`, `slots` between the paragraphs, `tail`
 * at the end of `<body>`; `frames` when the widgets are iframes (ready on load).
 */
export interface ArticleKind {
  description: string;
  head?: string;
  /** after the standfirst, after the second paragraph, and after each paragraph from the third on */
  slots: string[];
  tail?: string;
  frames?: boolean;
}

const OBSERVE = `<script>
  window.SHIFTS = []; window.TASKS = []; window.LAST_MESSAGE = 0;
  const describe = (node) => !node ? '?' : node.nodeType !== 1 ? node.nodeName : node.localName + (node.id ? '#' + node.id : '');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      SHIFTS.push({
        value: entry.value,
        time: entry.startTime,
        moved: entry.sources.map((source) => describe(source.node) + ' y ' + source.previousRect.y + '→' + source.currentRect.y),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) TASKS.push({ duration: entry.duration, time: entry.startTime });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('message', () => { LAST_MESSAGE = performance.now(); });
  window.LOADED_FRAMES = new Set();
  // On the document: a load event never reaches the window.
  document.addEventListener('load', (event) => {
    if (event.target.localName === 'iframe') { LOADED_FRAMES.add(event.target); window.CHECK_FRAMES?.(); }
  }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.FCP = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
</script>`;

const WIDGETS = 'nw-analysis, nw-summary, nw-stance-card, nw-stances, nw-source-list, nw-timeline';

/** Every top-level widget has said nw-ready (composed events from inner elements arrive retargeted to their host). */
const OURS_READY = `<script>
  const widgets = new Set(document.querySelectorAll('${WIDGETS}'));
  const ready = new Set();
  document.addEventListener('nw-ready', (event) => {
    if (widgets.has(event.target)) ready.add(event.target);
    window.WAITING_FOR = [...widgets].filter((widget) => !ready.has(widget)).map((widget) => widget.localName);
    if (ready.size === widgets.size) window.READY ??= performance.now();
  });
  document.addEventListener('nw-error', (event) => { window.ERROR = event.detail.message; });
  customElements.whenDefined('nw-timeline').then(() => { window.DEFINED = performance.now(); });
</script>`;

/**
 * Every iframe the browser loads has loaded (lazy frames further down wait for a scroll), their
 * height messages come after: the runner waits for quiet. Loads are recorded from the head on
 * (OBSERVE): a frame may load before the parser gets here.
 */
const FRAMES_READY = `<script>
  const frames = [...document.querySelectorAll('iframe')].filter((frame) => frame.loading !== 'lazy' || frame.getBoundingClientRect().top < innerHeight * 1.5);
  window.CHECK_FRAMES = () => { if (frames.every((frame) => LOADED_FRAMES.has(frame))) window.READY ??= performance.now(); };
  CHECK_FRAMES();
</script>`;

/** TimelineJS in its usual 650 px box, after the standfirst, from a JSON URL. */
export const TIMELINEJS_KIND: ArticleKind = {
  description: 'TimelineJS: one `TL.Timeline` from a JSON URL, in its usual 650 px box (for comparison)',
  head: '<link rel="stylesheet" href="/timelinejs/css/timeline.css"><script src="/timelinejs/js/timeline.js"></script>',
  slots: ['<div id="timeline" class="timeline-box"></div>', ''],
  tail: `<script>
  new TL.Timeline('timeline', '${ARTICLE_DATA.timelinejs}', ${TIMELINEJS_OPTIONS}).on('loaded', () => { window.READY ??= performance.now(); });
</script>`,
};

/** Article text as the CMS prints it: the analysis's citation markers dropped, escaped for HTML. */
const articleText = (text: string) => escapeText(text.replace(/\s*\[\d+\]/g, ''));

export function articlePage(kind: ArticleKind, analysis: AnalysisInput): string {
  const paragraphs = analysis.sections.map((section) => `<p>${articleText(section.paragraphs[0]!)}</p>`);
  const ready = kind === TIMELINEJS_KIND ? '' : kind.frames ? FRAMES_READY : OURS_READY;
  // Between paragraphs: one widget after the standfirst, the other further down the story.
  const body = [
    `<h1>${articleText(analysis.question)}</h1>`,
    `<p class="standfirst">${articleText(analysis.summary)}</p>`,
    kind.slots[0] ?? '',
    paragraphs[0],
    paragraphs[1],
    kind.slots[1] ?? '',
    paragraphs[2],
    kind.slots[2] ?? '',
    paragraphs[3],
    kind.slots[3] ?? '',
    paragraphs[4],
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${articleText(analysis.question)}</title>
<meta name="description" content="${articleText(analysis.summary)}">
<link rel="icon" href="data:,">
${OBSERVE}
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; }
  article { max-width: 42rem; margin: 0 auto; padding: 1rem; }
  h1 { font: bold 2rem/1.2 system-ui, sans-serif; }
  .timeline-box { width: 100%; height: 650px; }
</style>
${kind.head ?? ''}
</head><body>
<main><article>
${body}
</article></main>
${ready}
${kind.tail ?? ''}
</body></html>`;
}
