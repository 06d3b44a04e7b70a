/**
 * Fires an element's outcome event (`nw-ready` / `nw-error`) once per outcome, not once per
 * render: an element re-renders for many reasons (theme, language, being moved), and a page
 * waiting for `nw-ready` must hear each new outcome exactly once, and only while it can hear.
 */
import type { ReactiveElement } from 'lit';

/**
 * What the host has to say after an update: an outcome (what says it, such as firing the
 * event, then what the outcome is made of, compared by identity: the same parts again are not
 * news); `pending` on the way to one (the same outcome coming back is not news); `idle` with
 * nothing to load (whatever comes next is news, even the same outcome again).
 */
export type Outcome = readonly [say: () => void, ...parts: unknown[]] | 'pending' | 'idle';

/**
 * Returns what the host calls at the end of every update (from `updated()`, so after every
 * controller's `hostUpdated`: a page hearing `nw-ready` finds the element whole, tab stops
 * and all); it asks `outcome()` and says it when it is news. Adds a controller that says an
 * outcome reached off the page once the host is back.
 */
export function announce(host: ReactiveElement, outcome: () => Outcome): () => void {
  /** The outcome last announced. */
  let said: Outcome | undefined;
  const hostUpdated = () => {
    if (!host.isConnected) return; // see hostConnected
    const next = outcome();
    if (next === 'idle') said = undefined;
    if (typeof next !== 'object') return;
    const last = said;
    if (last?.length === next.length && next.every((part, i) => !i || part === last[i])) return;
    said = next;
    next[0]();
  };
  host.addController({
    // An outcome reached while off the page (a shared fetch finishing after it was removed)
    // was not announced, since the page could not hear it: announce it now it is back.
    hostConnected: () => host.hasUpdated && hostUpdated(),
  });
  return hostUpdated;
}
