import type { PluralForms } from './plural.js';

/**
 * Every word the elements print, in English: the base every other language falls back to, key
 * by key. Plain data (no functions), so a locale file is JSON-like and a page can register one:
 * `{name}` is where a value goes, `#` the number in a plural's forms. Each element's own words
 * are beside it (`*.messages.ts`); `Messages` (messages.ts) is the whole catalogue.
 */
export const en = {
  loading: 'Loading analysis…',
  errorForReaders: 'This part of the analysis could not be shown.',
  /** Instead of `errorForReaders` when the widget itself failed (code `render`), not the analysis. */
  widgetError: 'This widget could not be shown.',
  errorDetails: 'Details for editors',
  citationError: 'Citation not available',
  retry: 'Try again',
  /** Said (politely) and shown on the button while every element that failed at that address loads again. */
  retrying: 'Trying again…',
  retryFailed: 'Still could not load the analysis.',
  retryDone: 'Loaded.',
  documentRoot: '(document)',
  keyPoints: 'Key points',
  unknowns: 'What is still unknown',
  stances: 'Positions',
  noStances: 'This analysis records no positions.',
  position: 'Position',
  confidence: 'Confidence',
  sources: 'Sources',
  source: 'Source',
  opensInNewTab: 'opens in a new tab',
  openSource: 'Open the source',
  goToSourceList: 'Go to the source list',
  close: 'Close',
  /** After a label ("Sources:"); French puts a narrow space before it. */
  colon: ':',
  /** Between a name and a date ("Ana Ruiz, 8 April 2025"); Arabic writes "، ". */
  comma: ', ',
  sourceTypes: {
    news: 'News',
    government: 'Government',
    legal: 'Legal',
    academic: 'Academic',
    analysis: 'Analysis',
    other: 'Other',
  },
  positions: { supports: 'Supports', opposes: 'Opposes', mixed: 'Mixed', neutral: 'Neutral', unclear: 'Unclear' },
  confidenceLevels: { low: 'Low', medium: 'Medium', high: 'High' },
  actorKinds: {
    government: 'Government',
    official: 'Official',
    media: 'Media',
    expert: 'Expert',
    organization: 'Organization',
    public: 'Public',
    other: 'Other',
  },
  notFound: {
    source: 'No source "{id}" in this analysis.',
    actor: 'No stance for actor "{id}" in this analysis.',
    stance: 'No stance with id "{id}" in this analysis.',
    selector: 'Give the element an actor="…" or stance="…" attribute.',
    forTarget: 'No <script type="application/json" id="{id}"> on the page.',
    badSrc: 'Only http(s) addresses can be loaded, not "{src}".',
  },
  /** Why a `src` could not be read: `{url}`, `{status}` (HTTP), `{seconds}`. */
  fetch: {
    http: 'Loading {url} failed: HTTP {status}.',
    timeout: 'Loading {url} took longer than {seconds} s.',
    cut: 'Loading {url} was cut off before the end (network error).',
    network: 'Could not load {url} (network error or the server does not allow this page to read it).',
    webPage: '{url} returned a web page, not JSON: check the address.',
  },
};

export type CoreMessages = typeof en;

/** A count's phrase per plural category (typed wide: other languages use more categories). */
export type Plural = PluralForms;
