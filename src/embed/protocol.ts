/**
 * The messages an embedded frame and its host page exchange, in the formats newsroom tooling
 * already understands:
 *
 * - pym.js (`pym.Parent` on the host): the frame sends `pymxPYMx<childId>xPYMxheightxPYMx<px>`;
 *   the host sends `pymxPYMx<childId>xPYMxwidthxPYMx<px>` when its width changes, which the frame
 *   answers with its height. `childId` is the query parameter pym.Parent adds to the frame's URL.
 * - AMP (`<amp-iframe resizable>`) and our own resizer: `{ sentinel: 'amp', type: 'embed-size', height }`.
 * - Our resizer, when it starts after a frame already announced its height, asks every frame
 *   once with `HEIGHT_REQUEST`; an embed answers in its usual format.
 *
 * Pure functions only: shared by the embed page, the host-side resizer and their tests.
 */

/** The tallest height a host applies, in CSS px; taller content scrolls inside the frame. */
export const MAX_HEIGHT = 100_000;

const PYM = 'xPYMx';

/** The host-side resizer's "tell me your height" (sent once per frame when it starts). */
export const HEIGHT_REQUEST = 'nw-embed:request-height';

/** pym.js element ids are page ids; anything else in `childId` is not from pym.Parent. */
export const isChildId = (value: string): boolean => /^[\w.:-]{1,200}$/.test(value);

/** pym.js's height message for the frame with this `childId`. */
export const pymHeightMessage = (childId: string, height: number): string =>
  ['pym', childId, 'height', String(height)].join(PYM);

export interface AmpSizeMessage {
  sentinel: 'amp';
  type: 'embed-size';
  height: number;
}

/** AMP's `embed-size` message (what `<amp-iframe resizable>` listens for). */
export const ampSizeMessage = (height: number): AmpSizeMessage => ({ sentinel: 'amp', type: 'embed-size', height });

/**
 * A height a host may apply: a finite number above zero, rounded up to whole pixels and capped
 * at `MAX_HEIGHT`; anything else (NaN, Infinity, zero, negative, not a number) is undefined.
 */
export const sanitizeHeight = (value: unknown): number | undefined =>
  typeof value === 'number' && value > 0 && value < Infinity ? Math.min(Math.ceil(value), MAX_HEIGHT) : undefined;

/**
 * The height a frame announces in `data`, in either format (pym's for any childId, or AMP's),
 * sanitized; undefined for every other message.
 */
export function heightFromMessage(data: unknown): number | undefined {
  if (typeof data === 'string') {
    const match = /^pymxPYMx.+xPYMxheightxPYMx([\d.]+)$/.exec(data);
    return match ? sanitizeHeight(Number(match[1])) : undefined;
  }
  const message = data as Partial<Record<keyof AmpSizeMessage, unknown>> | null | undefined;
  return message?.sentinel === 'amp' && message.type === 'embed-size' ? sanitizeHeight(message.height) : undefined;
}

/**
 * Whether `data` (from the frame's parent) asks the frame for its height: pym's width message
 * for this frame's `childId`, or the resizer's `HEIGHT_REQUEST`.
 */
export function asksForHeight(data: unknown, childId: string | undefined): boolean {
  if (data === HEIGHT_REQUEST) return true;
  if (typeof data !== 'string' || childId === undefined) return false;
  const prefix = ['pym', childId, 'width', ''].join(PYM);
  return data.startsWith(prefix) && /^\d+(\.\d+)?$/.test(data.slice(prefix.length));
}
