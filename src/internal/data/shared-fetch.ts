/**
 * One fetch per URL per page, however many elements use it.
 *
 * Each element holds a lease on the URL while it is on the page. When the last lease is
 * released before the response arrives the request is aborted, one task later, so that an
 * element moved in the DOM (removed and re-added in the same task) keeps its request.
 * Successful results stay cached for the page's life: re-adding an element never fetches
 * again. Failed fetches are forgotten, so a retry really retries.
 */
import type { ValidationResult } from '../../schema/validate.js';
import { validateValue } from './validated.js';

/** How long a fetch may take before it is an error. Settable per page via `setFetchTimeout`. */
let timeoutMs = 15_000;

export function setFetchTimeout(ms: number): void {
  timeoutMs = ms;
}

interface Entry {
  controller: AbortController;
  result: Promise<ValidationResult>;
  leases: number;
  settled: boolean;
  abortTimer?: ReturnType<typeof setTimeout>;
}

const entries = new Map<string, Entry>();

export interface Lease {
  result: Promise<ValidationResult>;
  release(): void;
}

const fetchError = (message: string): ValidationResult => ({ ok: false, error: { code: 'fetch', message } });

async function load(url: string, signal: AbortSignal): Promise<ValidationResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]), credentials: 'same-origin' });
  } catch (cause) {
    if (signal.aborted) throw cause; // nobody is waiting any more
    const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
    return fetchError(timedOut
      ? `Loading ${url} took longer than ${timeoutMs / 1000} s.`
      : `Could not load ${url} (network error or the server does not allow this page to read it).`);
  }
  if (!response.ok) return fetchError(`Loading ${url} failed: HTTP ${response.status}.`);
  const text = await response.text();
  // A wrong address often returns a web page (a 404 page, a login wall, a dev server's
  // index.html) with status 200: say so instead of showing a JSON syntax error.
  if (/^\s*</.test(text)) {
    return { ok: false, error: { code: 'json', message: `${url} returned a web page, not JSON: check the address.` } };
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
      },
      () => entries.get(url) === created && entries.delete(url),
    );
    entries.set(url, created);
    entry = created;
  }
  const held = entry;
  clearTimeout(held.abortTimer);
  held.leases++;
  let released = false;
  return {
    result: held.result,
    release() {
      if (released) return;
      released = true;
      held.leases--;
      if (held.leases > 0 || held.settled) return;
      held.abortTimer = setTimeout(() => {
        if (held.leases > 0 || held.settled) return;
        held.controller.abort();
        if (entries.get(url) === held) entries.delete(url);
      });
    },
  };
}
