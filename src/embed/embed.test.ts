/**
 * The embed's message formats, its query parameters, and how often AutoHeight speaks. The
 * page-level behaviour (frames, hosts, pym.js, the resizer) is in test/package/embed.test.ts.
 */
import { expect } from '@open-wc/testing';
import { AutoHeight } from './auto-height.js';
import { readChildId, readEmbedParams } from './params.js';
import {
  reservedHeight,
  ampSizeMessage,
  asksForHeight,
  HEIGHT_REQUEST,
  heightFromMessage,
  isWordPressReady,
  MAX_HEIGHT,
  pymHeightMessage,
  sanitizeHeight,
  wordpressHeightMessage,
  wordpressLinkMessage,
  wordpressSecret,
} from './protocol.js';

const frames = (count = 2) =>
  new Promise<void>((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(count);
  });

describe('the frame height the resizer reserves (data-nw-heights)', () => {
  it('gives each measured width its own height, and the curve through them in between and beyond', () => {
    const measured = '375:730 640:410';
    expect(reservedHeight(measured, 375)).to.equal(730);
    expect(reservedHeight(measured, 640)).to.equal(410);
    const between = reservedHeight(measured, 500)!;
    expect(between).to.be.within(411, 729);
    // Narrower than measured: taller still; much wider: shorter, but never under half the lower.
    expect(reservedHeight(measured, 320)).to.be.greaterThan(730);
    expect(reservedHeight(measured, 5000)).to.be.within(205, 410);
    expect(reservedHeight('375:600', 1280)).to.equal(600);
  });

  it('reserves nothing for what was not measured or makes no sense', () => {
    for (const bad of [undefined, '', 'tall', '375:', '375:-5 640:400', '375:0', '375:NaN']) {
      expect(reservedHeight(bad, 390), String(bad)).to.equal(undefined);
    }
    expect(reservedHeight('375:730 640:410', 0)).to.equal(undefined);
    expect(reservedHeight('375:1e9', 390)).to.equal(100_000);
  });
});

describe('embed messages', () => {
  it('writes pym.js and AMP height messages', () => {
    expect(pymHeightMessage('embed-1', 640)).to.equal('pymxPYMxembed-1xPYMxheightxPYMx640');
    expect(ampSizeMessage(640)).to.deep.equal({ sentinel: 'amp', type: 'embed-size', height: 640 });
  });

  it('reads a height from either format, and nothing from anything else', () => {
    expect(heightFromMessage('pymxPYMxembed-1xPYMxheightxPYMx640')).to.equal(640);
    expect(heightFromMessage({ sentinel: 'amp', type: 'embed-size', height: 640 })).to.equal(640);
    expect(heightFromMessage({ sentinel: 'amp', type: 'embed-size', height: 640.2 })).to.equal(641);
    for (const other of [
      'pymxPYMxembed-1xPYMxwidthxPYMx640',
      'pymxPYMxembed-1xPYMxheightxPYMx',
      'pymxPYMxembed-1xPYMxheightxPYMx1.2.3',
      'pymxPYMxembed-1xPYMxheightxPYMx-5',
      'height:640',
      '640',
      640,
      null,
      undefined,
      [],
      {},
      { sentinel: 'amp', type: 'embed-size' },
      { sentinel: 'amp', type: 'embed-size', height: '640' },
      { sentinel: 'amp', type: 'embed-ready', height: 640 },
      { sentinel: 'nw', type: 'embed-size', height: 640 },
      { sentinel: 'amp', type: 'embed-size', height: Number.NaN },
      { sentinel: 'amp', type: 'embed-size', height: -1 },
      { sentinel: 'amp', type: 'embed-size', height: 0 },
      { sentinel: 'amp', type: 'embed-size', height: Infinity },
    ]) {
      expect(heightFromMessage(other), JSON.stringify(other) ?? String(other)).to.equal(undefined);
    }
  });

  it('caps heights and rounds them up to whole pixels', () => {
    expect(sanitizeHeight(1e9)).to.equal(MAX_HEIGHT);
    expect(heightFromMessage('pymxPYMxaxPYMxheightxPYMx99999999')).to.equal(MAX_HEIGHT);
    expect(sanitizeHeight(0.1)).to.equal(1);
  });

  it('answers pym width messages for its own childId, and the resizer request', () => {
    expect(asksForHeight('pymxPYMxembed-1xPYMxwidthxPYMx800', 'embed-1')).to.equal(true);
    expect(asksForHeight(HEIGHT_REQUEST, undefined)).to.equal(true);
    expect(asksForHeight('pymxPYMxembed-2xPYMxwidthxPYMx800', 'embed-1')).to.equal(false);
    expect(asksForHeight('pymxPYMxembed-1xPYMxwidthxPYMxwide', 'embed-1')).to.equal(false);
    expect(asksForHeight('pymxPYMxembed-1xPYMxwidthxPYMx800', undefined)).to.equal(false);
    expect(asksForHeight({ type: 'width' }, 'embed-1')).to.equal(false);
  });
});

describe("WordPress's embed messages", () => {
  it('reads the secret WordPress adds to the frame URL, as wp-embed.js accepts it', () => {
    expect(wordpressSecret('#?secret=abc')).to.equal('abc');
    expect(wordpressSecret('#?secret=Xy9Ab3Cd0e')).to.equal('Xy9Ab3Cd0e');
    expect(wordpressSecret('#section#?secret=abc')).to.equal('abc');
    expect(wordpressSecret('#?a=1&secret=abc&b=2')).to.equal('abc');
    for (const hash of [
      '',
      '#',
      '#?secret=',
      '#?secret=a-b',
      '#?secret=ab%20c',
      '#?secret="x"',
      '#?secret=' + 'a'.repeat(65),
    ]) {
      expect(wordpressSecret(hash), hash).to.equal(undefined);
    }
  });

  it('writes height and link messages with the secret', () => {
    expect(wordpressHeightMessage('abc', 640)).to.deep.equal({ message: 'height', value: 640, secret: 'abc' });
    expect(wordpressLinkMessage('abc', 'https://example.org/a')).to.deep.equal({
      message: 'link',
      value: 'https://example.org/a',
      secret: 'abc',
    });
  });

  it("answers WordPress's ready message for its own secret only", () => {
    expect(isWordPressReady({ message: 'ready', secret: 'abc' }, 'abc')).to.equal(true);
    for (const other of [
      { message: 'ready', secret: 'abd' },
      { message: 'ready' },
      { message: 'height', secret: 'abc' },
      'ready',
      null,
      undefined,
      [],
    ]) {
      expect(isWordPressReady(other, 'abc'), JSON.stringify(other) ?? String(other)).to.equal(false);
    }
    expect(isWordPressReady({ message: 'ready', secret: undefined }, undefined)).to.equal(false);
  });
});

describe('embed parameters', () => {
  it("reads pym's childId on its own (for pages upgraded in place)", () => {
    expect(readChildId('?initialWidth=375&childId=embed-container&parentUrl=x')).to.equal('embed-container');
    expect(readChildId('?childId=a%20b')).to.equal(undefined);
    expect(readChildId('')).to.equal(undefined);
  });

  it("defaults to nw-analysis, passes src first, and keeps only the element's own attributes", () => {
    expect(readEmbedParams('?src=/a.json&actor=x&actors=y')).to.deep.equal({
      ok: true,
      element: 'nw-analysis',
      attributes: [['src', '/a.json']],
      childId: undefined,
    });
    const card = readEmbedParams(
      '?src=a.json&element=nw-stance-card&actor=x&actors=y&heading-level=2&lang=es-MX&theme=dark&childId=box-1',
    );
    expect(card).to.deep.equal({
      ok: true,
      element: 'nw-stance-card',
      attributes: [
        ['src', 'a.json'],
        ['actor', 'x'],
        ['heading-level', '2'],
      ],
      lang: 'es-MX',
      theme: 'dark',
      childId: 'box-1',
    });
    const timeline = readEmbedParams('?src=a.json&element=nw-timeline&actors=a,b&order=desc');
    expect(timeline.ok && timeline.attributes).to.deep.equal([
      ['src', 'a.json'],
      ['actors', 'a,b'],
      ['order', 'desc'],
    ]);
  });

  it('ignores a theme, lang or childId it does not know', () => {
    const spec = readEmbedParams('?src=a.json&theme=neon&lang=<b>&childId=a%20b');
    expect(spec).to.deep.equal({
      ok: true,
      element: 'nw-analysis',
      attributes: [['src', 'a.json']],
      childId: undefined,
    });
  });

  it("explains an unknown element or a missing src (and keeps pym's childId to report its height)", () => {
    const unknown = readEmbedParams('?src=a.json&element=script&childId=c');
    expect(unknown.ok).to.equal(false);
    expect(!unknown.ok && unknown.message).to.match(
      /cannot show "script".*nw-analysis, nw-summary, nw-stance-card, nw-stances, nw-source-list, nw-timeline/,
    );
    expect(unknown.childId).to.equal('c');
    expect(readEmbedParams('?element=toString').ok).to.equal(false);
    const missing = readEmbedParams('?element=nw-summary');
    expect(!missing.ok && missing.message).to.match(/needs the address/);
  });
});

describe('AutoHeight', () => {
  let box: HTMLElement;
  let sent: number[];
  let heights: AutoHeight;

  beforeEach(async () => {
    document.body.style.margin = '0';
    box = document.createElement('div');
    box.style.height = '100px';
    document.body.replaceChildren(box);
    sent = [];
    heights = new AutoHeight((height) => sent.push(height));
    heights.start();
    await frames(3);
  });

  afterEach(() => heights.stop());

  it('sends the height once, then only when it changes', async () => {
    expect(sent).to.deep.equal([heights.measure()]);
    const base = sent[0]! - 100; // the test page's own content around the box
    box.style.height = '300px';
    await frames(3);
    expect(sent).to.deep.equal([base + 100, base + 300]);
    box.style.height = '250px';
    box.style.height = '300px'; // changed and back within one frame: nothing new
    await frames(3);
    document.body.append(document.createElement('span')); // no height change
    await frames(3);
    expect(sent).to.deep.equal([base + 100, base + 300]);
    box.style.height = '320px';
    await frames(3);
    expect(sent).to.deep.equal([base + 100, base + 300, base + 320]);
  });

  it('coalesces many changes within one frame into one message', async () => {
    const before = sent.length;
    for (let i = 1; i <= 20; i++) box.style.height = `${100 + i * 10}px`;
    await frames(3);
    expect(sent.length - before).to.equal(1);
  });

  it('sends the same height again when a host asks', async () => {
    const before = sent.length;
    heights.request();
    await frames(2);
    expect(sent.length).to.equal(before + 1);
    expect(sent.at(-1)).to.equal(sent.at(-2));
  });

  it('includes an open popover that reaches below the content', async () => {
    const popover = document.createElement('div');
    popover.popover = 'manual';
    popover.style.cssText =
      'position: fixed; inset: auto; top: 80px; left: 0; height: 400px; margin: 0; padding: 0; border: 0;';
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(popover);
    document.body.append(host);
    host.dispatchEvent(new Event('nw-ready', { bubbles: true, composed: true }));
    await frames(2);
    const closed = sent.at(-1)!;
    popover.showPopover();
    await frames(3);
    expect(sent.at(-1)).to.equal(480);
    popover.hidePopover();
    await frames(3);
    expect(sent.at(-1)).to.equal(closed);
  });
});
