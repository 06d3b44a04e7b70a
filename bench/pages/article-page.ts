/**
 * The layout-stability page: a news article as a CMS prints it (headline, standfirst,
 * paragraphs from the sample analysis), with widgets between paragraphs that load their data
 * by URL, as a producer would paste them. The first widget sits right after the standfirst,
 * inside the first screen on a phone and on a desktop, where a shift counts.
 *
 * The page records, from its first script on (before any library):
 * - every `layout-shift` entry without recent input (`hadRecentInput` excluded, as CLS does),
 *   with what moved;
 * - every `longtask` (a main-thread task over 50 ms);
 * - `READY`: when its widgets said they were ready (every `nw-ready`; TimelineJS's `loaded`;
 *   for the iframe, the frame's load event: its data and height come after, which is why
 *   the runner waits for the page to settle, see layout-stability.ts);
 * - `LAST_MESSAGE`: the last postMessage from a frame (the embed announcing its height);
 * - `FCP`: the first contentful paint (the article's text), to tell shifts before and after it;
 * - `DEFINED`: for ours, when the script tag had registered the elements.
 */
import { escapeAttribute as escapeText } from '../../src/internal/markup.js';
import type { AnalysisInput } from '../../src/schema/analysis.js';
import { TIMELINEJS_OPTIONS } from './render-page.js';

export type ArticleVariant =
  'ours-every-element' | 'ours-classic-in-head' | 'ours-timeline' | 'ours-iframe-timeline' | 'timelinejs';

export const ARTICLE_VARIANTS: Record<ArticleVariant, string> = {
  'ours-every-element':
    'module script tag: `<nw-summary>`, `<nw-stances>`, `<nw-timeline>`, `<nw-source-list>`, one `src`',
  'ours-classic-in-head': 'the same with the classic script in `<head>` (elements defined before the first paint)',
  'ours-timeline': 'module script tag: one `<nw-timeline src>`',
  'ours-iframe-timeline': 'iframe embed of `<nw-timeline>` (another origin) + `resizer.js`',
  timelinejs: 'TimelineJS: one `TL.Timeline` from a JSON URL, in its usual 650 px box',
};

/** Where each variant's data lives on the server (see layout-stability.ts for the delays). */
export const ARTICLE_DATA = {
  analysis: '/data/article-analysis.json',
  timeline: '/data/article-timeline.json',
  timelinejs: '/data/article-timelinejs.json',
} as const;

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
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.FCP = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
</script>`;

/** Every top-level widget has said nw-ready (composed events from inner elements arrive retargeted to their host). */
const OURS_READY = `<script>
  const widgets = new Set(document.querySelectorAll('[data-widget]'));
  const ready = new Set();
  document.addEventListener('nw-ready', (event) => {
    if (widgets.has(event.target)) ready.add(event.target);
    window.WAITING_FOR = [...widgets].filter((widget) => !ready.has(widget)).map((widget) => widget.localName);
    if (ready.size === widgets.size) window.READY ??= performance.now();
  });
  document.addEventListener('nw-error', (event) => { window.ERROR = event.detail.message; });
  customElements.whenDefined('nw-timeline').then(() => { window.DEFINED = performance.now(); });
</script>`;

/** Article text as the CMS prints it: the analysis's citation markers dropped, escaped for HTML. */
const articleText = (text: string) => escapeText(text.replace(/\s*\[\d+\]/g, ''));

/** `widgetOrigin` serves the iframe embed: another origin than the article's, as on a real site. */
export function articlePage(variant: ArticleVariant, analysis: AnalysisInput, widgetOrigin: string): string {
  const paragraphs = analysis.sections.map((section) => `<p>${articleText(section.paragraphs[0]!)}</p>`);
  const src = ARTICLE_DATA.analysis;
  const everyElement = [
    `<nw-summary data-widget src="${src}"></nw-summary>`,
    `<nw-stances data-widget src="${src}"></nw-stances>`,
    `<nw-timeline data-widget src="${src}"></nw-timeline>`,
    `<nw-source-list data-widget src="${src}"></nw-source-list>`,
  ];
  const slots: string[] = {
    'ours-every-element': everyElement,
    'ours-classic-in-head': everyElement,
    'ours-timeline': [`<nw-timeline data-widget src="${ARTICLE_DATA.timeline}"></nw-timeline>`],
    'ours-iframe-timeline': [
      `<iframe src="${widgetOrigin}/dist/embed.html?src=${ARTICLE_DATA.timeline}&amp;element=nw-timeline" title="Timeline" width="100%" frameborder="0" onload="window.READY ??= performance.now()"></iframe>`,
    ],
    timelinejs: ['<div id="timeline" class="timeline-box"></div>'],
  }[variant];
  const head = {
    'ours-every-element': '<script type="module" src="/dist/cdn/newsroom-widgets.js"></script>',
    'ours-classic-in-head': '<script src="/dist/cdn/newsroom-widgets.classic.js"></script>',
    'ours-timeline': '<script type="module" src="/dist/cdn/newsroom-widgets.js"></script>',
    'ours-iframe-timeline': '',
    timelinejs:
      '<link rel="stylesheet" href="/timelinejs/css/timeline.css"><script src="/timelinejs/js/timeline.js"></script>',
  }[variant];
  const tail = {
    'ours-every-element': OURS_READY,
    'ours-classic-in-head': OURS_READY,
    'ours-timeline': OURS_READY,
    'ours-iframe-timeline': `<script src="${widgetOrigin}/dist/embed/resizer.js" async></script>`,
    timelinejs: `<script>
  new TL.Timeline('timeline', '${ARTICLE_DATA.timelinejs}', ${TIMELINEJS_OPTIONS}).on('loaded', () => { window.READY ??= performance.now(); });
</script>`,
  }[variant];
  // Between paragraphs: one widget after the standfirst, the rest further down the story.
  const body = [
    `<h1>${articleText(analysis.question)}</h1>`,
    `<p class="standfirst">${articleText(analysis.summary)}</p>`,
    slots[0] ?? '',
    paragraphs[0],
    paragraphs[1],
    slots[1] ?? '',
    paragraphs[2],
    slots[2] ?? '',
    paragraphs[3],
    slots[3] ?? '',
    paragraphs[4],
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${articleText(analysis.question)}</title>
${OBSERVE}
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; }
  article { max-width: 42rem; margin: 0 auto; padding: 1rem; }
  h1 { font: bold 2rem/1.2 system-ui, sans-serif; }
  .timeline-box { width: 100%; height: 650px; }
</style>
${head}
</head><body>
<article>
${body}
</article>
${tail}
</body></html>`;
}
