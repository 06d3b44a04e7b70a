/**
 * The host-side resizer (`dist/embed/resizer.js`, a classic script of a few hundred bytes) for
 * pages that embed `embed.html` in an iframe without pym.js:
 *
 *   <iframe src="https://example.org/newsroom-widgets/embed.html?src=…" title="…" width="100%"
 *     height="730" data-nw-heights="375:730 640:410"></iframe>
 *   <script src="https://example.org/newsroom-widgets/embed/resizer.js"></script>
 *
 * Right after the frame (not `async`), it first gives every frame with `data-nw-heights` (its
 * content's height measured at a few widths, which the embed builder writes) the height for
 * its width now, before the text below it has painted: the frame starts at its final height
 * and nothing moves when the content arrives.
 *
 * It sets an iframe's height when that iframe announces one (AMP's `embed-size` message or
 * pym.js's `height` message), and only when the message comes from that iframe's own window
 * and from the origin of its `src`; the height must be a positive finite number and is
 * capped at `MAX_HEIGHT`. When it starts it asks each iframe once for its height, for frames
 * that announced theirs before the script ran. Any number of iframes per page; loading the
 * script twice does no harm.
 */
import { HEIGHT_REQUEST, heightFromMessage, reservedHeight } from './protocol.js';

const frames = document.getElementsByTagName('iframe');

/** The origin of an iframe's `src` when it is http(s), else undefined. */
const originOf = (frame: HTMLIFrameElement): string | undefined =>
  /^https?:/.test(frame.src) ? new URL(frame.src).origin : undefined;

addEventListener('message', (event) => {
  const height = heightFromMessage(event.data);
  if (!height || !event.source) return;
  for (const frame of frames) {
    if (frame.contentWindow === event.source) {
      if (originOf(frame) === event.origin) frame.style.height = `${height}px`;
      return;
    }
  }
});

for (const frame of frames) {
  const reserved = reservedHeight(frame.dataset.nwHeights, frame.getBoundingClientRect().width);
  // Once: a frame that already spoke has its height from its own message.
  if (reserved && !frame.style.height) frame.style.height = `${reserved}px`;
  const origin = originOf(frame);
  if (origin) frame.contentWindow?.postMessage(HEIGHT_REQUEST, origin);
}
