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
 * - WordPress (`wp-embed.js` on the host, for frames it made from a discovered oEmbed): the frame
 *   URL ends in `#?secret=<letters and digits>`; the frame sends `{ message: 'height', value,
 *   secret }` (WordPress clamps it to 200–1000 px and shows the frame on the first message) and
 *   `{ message: 'link', value: url, secret }` (WordPress navigates its window there, for URLs on
 *   the frame's own host only); the host sends `{ message: 'ready', secret }` once.
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

/** What wp-embed.js accepts as a secret (it drops messages whose secret has anything else). */
const WORDPRESS_SECRET = /^[a-zA-Z0-9]{1,64}$/;

/**
 * WordPress's secret from the frame URL's fragment (`#?secret=abc123`, as WordPress writes it;
 * `#x#?secret=…` when the URL had a fragment already), or undefined.
 */
export function wordpressSecret(hash: string): string | undefined {
  const value = /[#?&]secret=([^&#]*)/.exec(hash)?.[1];
  return value !== undefined && WORDPRESS_SECRET.test(value) ? value : undefined;
}

export interface WordPressMessage {
  message: 'height' | 'link';
  value: number | string;
  secret: string;
}

/** WordPress's height message (wp-embed.js reads `value` with parseInt and clamps it to 200–1000). */
export const wordpressHeightMessage = (secret: string, height: number): WordPressMessage => ({
  message: 'height',
  value: height,
  secret,
});

/** WordPress's link message: wp-embed.js navigates the host window to `url` if it is on the frame's host. */
export const wordpressLinkMessage = (secret: string, url: string): WordPressMessage => ({
  message: 'link',
  value: url,
  secret,
});

/** Whether `data` is wp-embed.js's `{ message: 'ready', secret }` for this frame's secret. */
export function isWordPressReady(data: unknown, secret: string | undefined): boolean {
  if (secret === undefined || typeof data !== 'object' || data === null) return false;
  const message = data as { message?: unknown; secret?: unknown };
  return message.message === 'ready' && message.secret === secret;
}

/**
 * The frame's content height at `width`, from its heights measured at two widths, narrower
 * first (`data-nw-heights="375:730 640:410"`, what the embed builder writes; one is enough
 * too): along height = a + b / width between and beyond them (text reflows into fewer lines
 * as the column widens, its area about the same), never under half the lower one. Undefined
 * when nothing usable was measured.
 */
export function reservedHeight(measured: string | undefined, width: number): number | undefined {
  const points: number[][] = (measured ?? '').split(' ').map((pair) => pair.split(':').map(Number));
  const [w0 = 0, h0 = 0] = points[0] ?? [];
  const [w1 = w0, h1 = h0] = points[1] ?? [];
  if (!(h0 > 0 && h1 > 0)) return undefined;
  const height = w0 === w1 ? h0 : h1 + ((h0 - h1) * (1 / width - 1 / w1)) / (1 / w0 - 1 / w1);
  return sanitizeHeight(Math.max(height, Math.min(h0, h1) / 2));
}
