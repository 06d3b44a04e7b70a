/**
 * One request per URL at a time, however many elements use it.
 *
 * Each element holds a lease on the URL while it is on the page. When the last lease is
 * released before the response arrives the request is aborted, one task later, so that an
 * element moved in the DOM (removed and re-added in the same task) keeps its request.
 * Results (documents, and json/schema errors) stay while an element uses them, and the
 * KEPT_UNUSED most recent that none uses any more stay too, so an element re-added later
 * does not fetch again; older ones are forgotten, so a page cycling through documents does
 * not keep them all. Failed fetches are forgotten at once, so a retry really retries.
 */
import type { ValidationResult } from '../../schema/validate.js';
import type { CoreMessages } from '../i18n/en.js';
import { wordedError } from '../i18n/error-words.js';
import { validateValue } from './validated.js';

/**
 * How long a fetch may take before it is an error: an element's `src` (settable per page via
 * `setFetchTimeout`), and the command line's URL input (`cli/command-files.ts`).
 */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
let timeoutMs = DEFAULT_FETCH_TIMEOUT_MS;

/**
 * How long, in milliseconds, a `src` fetch may take (response and body) before the element
 * shows a fetch error with "Try again". 15 000 by default; applies to fetches started after
 * the call, on the whole page.
 */
export function setFetchTimeout(ms: number): void {
  // AbortSignal.timeout refuses NaN, negatives and Infinity: taking them here would make
  // every later fetch fail with a misleading "network error", far from the mistake.
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`setFetchTimeout: expected milliseconds (a finite number ≥ 0), got ${ms}.`);
  timeoutMs = ms;
}

interface Entry {
  controller: AbortController;
  result: Promise<ValidationResult>;
  leases: number;
  settled: boolean;
  abortTimer?: ReturnType<typeof setTimeout>;
}

/** In order of last use (leased or released), least recent first. */
const entries = new Map<string, Entry>();

/**
 * How many settled results no element holds are kept. Each is a whole analysis (tens of
 * kilobytes; megabytes for a long timeline); the browser's HTTP cache still answers a URL
 * forgotten here when its server allows caching.
 */
const KEPT_UNUSED = 8;

/** Marks `entry` as just used: last in line to be forgotten. */
function touch(url: string, entry: Entry): void {
  if (entries.get(url) !== entry) return;
  entries.delete(url);
  entries.set(url, entry);
}

/** Forgets the least recently used settled results that no element holds, beyond KEPT_UNUSED. */
function forgetUnused(): void {
  const unused = [...entries].filter(([, entry]) => entry.settled && entry.leases === 0);
  for (const [url] of unused.slice(0, -KEPT_UNUSED)) entries.delete(url);
}

export interface Lease {
  result: Promise<ValidationResult>;
  release(): void;
}

/** A fetch error, said in each reader's language (see error-words.ts). */
const fetchError = (pick: (t: CoreMessages) => string, url: string, more?: Record<string, number>): ValidationResult => ({
  ok: false,
  error: wordedError('fetch', pick, { url, ...more }),
});

async function load(url: string, signal: AbortSignal): Promise<ValidationResult> {
  const ms = timeoutMs;
  const timeout = AbortSignal.timeout(ms);
  let response: Response | undefined;
  let text: string;
  try {
    response = await fetch(url, { signal: AbortSignal.any([signal, timeout]), credentials: 'same-origin' });
    if (!response.ok) return fetchError((t) => t.fetch.http, url, { status: response.status });
    // Reading the body fails too when the connection drops or the body outlasts the timeout:
    // those are fetch errors (retrying may help), not a crash shown as a schema problem.
    text = await response.text();
  } catch (cause) {
    if (signal.aborted) throw cause; // nobody is waiting any more
    // Asked of the timer, not the error: a body cut short by it rejects as a plain TypeError.
    if (timeout.aborted) return fetchError((t) => t.fetch.timeout, url, { seconds: ms / 1000 });
    return fetchError((t) => (response ? t.fetch.cut : t.fetch.network), url);
  }
  // A wrong address often returns a web page (a 404 page, a login wall, a dev server's
  // index.html) with status 200: say so instead of showing a JSON syntax error.
  if (/^\s*</.test(text)) {
    return { ok: false, error: wordedError('json', (t) => t.fetch.webPage, { url }) };
  }
  return validateValue(text);
}

/** Absolute http(s) URL for `src`, or undefined for any other scheme (never requested). */
export function resolveFetchUrl(src: string, base: string): string | undefined {
  if (!URL.canParse(src, base)) return undefined;
  const url = new URL(src, base);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

export function leaseFetch(url: string): Lease {
  let entry = entries.get(url);
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = { controller, leases: 0, settled: false, result: load(url, controller.signal) };
    created.result.then(
      (result) => {
        created.settled = true;
        if (!result.ok && result.error.code === 'fetch' && entries.get(url) === created) entries.delete(url);
        else forgetUnused(); // it may have arrived after every element had left
      },
      () => entries.get(url) === created && entries.delete(url),
    );
    entries.set(url, created);
    entry = created;
  }
  const held = entry;
  touch(url, held);
  clearTimeout(held.abortTimer);
  held.leases++;
  let released = false;
  return {
    result: held.result,
    release() {
      if (released) return;
      released = true;
      held.leases--;
      if (held.leases > 0) return;
      if (held.settled) {
        // Just released counts as used: a moved element (removed, re-added) finds it again.
        touch(url, held);
        forgetUnused();
        return;
      }
      held.abortTimer = setTimeout(() => {
        if (held.leases > 0 || held.settled) return;
        held.controller.abort();
        if (entries.get(url) === held) entries.delete(url);
      });
    },
  };
}
