/**
 * The elements on this page, so one can reach another: a source list's back-link finds the
 * element that shows the citing stance or section; a citation finds the source list for
 * its analysis. Elements join on connect and leave on disconnect.
 */
import type { Analysis } from '../schema/analysis.js';
import type { CitingPlace } from './cited-in.js';
import { composedAncestors } from './dom/composed-ancestors.js';

/** What an element offers to the others on the page. */
export interface PageMember extends HTMLElement {
  /** The analysis it shows now, if it is ready. */
  readonly currentAnalysis: Analysis | undefined;
  /** Scrolls to and focuses what it renders for `place`; false when it does not show it. */
  revealPlace(place: CitingPlace): boolean;
  /** Scrolls to and focuses a source's entry; false when it has none (only source lists do). */
  revealSource(id: string): boolean;
  /** Whether it renders an entry for source `id` (only source lists do). */
  listsSource(id: string): boolean;
  /** Whether it shows `place` now. */
  showsPlace(place: CitingPlace): boolean;
}

const members = new Set<PageMember>();
const leaveListeners = new Set<() => void>();

export function join(member: PageMember): void {
  members.add(member);
}

export function leave(member: PageMember): void {
  members.delete(member);
  // What others offered (a back-link to this element's places) may be gone with it.
  leaveListeners.forEach((listener) => listener());
}

/** Calls `listener` whenever an element leaves the page; returns the unsubscribe function. */
export function onLeave(listener: () => void): () => void {
  leaveListeners.add(listener);
  return () => leaveListeners.delete(listener);
}

function sameAnalysis(member: PageMember, analysis: Analysis): boolean {
  const other = member.currentAnalysis;
  return other !== undefined && (other === analysis || other.id === analysis.id);
}

/**
 * Of several candidates, the one nearest to `from` in the (shadow-including) tree: with the
 * same analysis twice on a page, each <nw-analysis>'s list and sections go to each other,
 * not to the first copy's. Ties keep page-joining order.
 */
function nearest(candidates: PageMember[], from: Node | undefined): PageMember | undefined {
  if (!from || candidates.length < 2) return candidates[0];
  const chain = [...composedAncestors(from, true)];
  const distance = (member: PageMember) => {
    for (const node of composedAncestors(member, true)) {
      const index = chain.indexOf(node);
      if (index >= 0) return index;
    }
    return Infinity;
  };
  let best = candidates[0]!;
  for (const candidate of candidates.slice(1)) if (distance(candidate) < distance(best)) best = candidate;
  return best;
}

/** Another element on the page listing source `id` of this analysis (the nearest to `except`), if any. */
export function sourceListFor(analysis: Analysis, id: string, except?: PageMember): PageMember | undefined {
  const found = [...members].filter(
    (member) => member !== except && member.isConnected && sameAnalysis(member, analysis) && member.listsSource(id),
  );
  return nearest(found, except);
}

/** The element showing `place` of this analysis (the nearest to `except`), if any is on the page. */
export function memberShowing(analysis: Analysis, place: CitingPlace, except?: PageMember): PageMember | undefined {
  const found = [...members].filter(
    (member) => member !== except && member.isConnected && sameAnalysis(member, analysis) && member.showsPlace(place),
  );
  return nearest(found, except);
}

/** Briefly marks an element as the destination of a jump, for sighted readers. */
export function flash(target: HTMLElement): void {
  target.setAttribute('data-flash', '');
  setTimeout(() => target.removeAttribute('data-flash'), 1600);
}

/** Moves focus to `target` (made focusable) and scrolls it into view. */
export function focusTarget(target: HTMLElement): void {
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({
    block: 'center',
    behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
  });
  target.focus({ preventScroll: true });
  flash(target);
}
