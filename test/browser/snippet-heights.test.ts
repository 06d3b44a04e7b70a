/**
 * The heights the embed builder writes into its iframe code (`measuredHeights` on the live
 * preview, `data-nw-heights`) are the frame's: the embed page at each measured width is as tall
 * as the builder said, so the frame starts at its final height and the article does not move.
 * And the resizer gives a frame that height for its width before anything below it paints.
 */
import { expect } from '@open-wc/testing';
import { FRAME_WIDTHS, iframeSnippet, measuredHeights } from '../../demo/builder-snippets.js';
import { reservedHeight } from '../../src/embed/protocol.js';
import '../../src/define.js';
import { sample } from './helpers.js';

const SAMPLE_JSON = '/data/mexico-us-deployment.json';
const VIEWS = [
  { element: 'nw-stance-card', actor: 'claudia-sheinbaum' },
  { element: 'nw-summary' },
  { element: 'nw-timeline' },
] as const;

const frames = (): Promise<void> =>
  new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

/** What the builder's preview is: the element with the analysis, at the builder's own width. */
async function preview(view: (typeof VIEWS)[number]): Promise<HTMLElement> {
  const element = document.createElement(view.element) as HTMLElement & { analysis: unknown };
  if ('actor' in view) element.setAttribute('actor', view.actor);
  element.setAttribute('lang', 'en');
  element.setAttribute('theme', 'light');
  element.analysis = await sample();
  document.body.append(element);
  await new Promise((done) => element.addEventListener('nw-ready', done, { once: true }));
  await frames();
  return element;
}

/** The embed page's own height at `width` (what it announces to its host), once its element is ready. */
async function frameHeight(view: (typeof VIEWS)[number], width: number): Promise<number> {
  const query = new URLSearchParams({ src: SAMPLE_JSON, element: view.element, lang: 'en', theme: 'light' });
  if ('actor' in view) query.set('actor', view.actor);
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = '200';
  frame.src = `/test/browser/fixtures/embed-frame.html?${query}`;
  document.body.append(frame);
  try {
    for (;;) {
      const element = frame.contentDocument?.querySelector(view.element);
      if (element?.getAttribute('state') === 'ready') break;
      await new Promise((done) => setTimeout(done, 20));
    }
    await frames();
    await new Promise((done) => frame.contentWindow!.requestAnimationFrame(() => done(undefined)));
    return frame.contentDocument!.documentElement.getBoundingClientRect().height;
  } finally {
    frame.remove();
  }
}

describe('the iframe code’s measured heights', () => {
  afterEach(() => document.querySelectorAll('body > [lang], body > iframe').forEach((node) => node.remove()));

  for (const view of VIEWS) {
    it(`${view.element}: the preview measured at ${FRAME_WIDTHS.join(' and ')} px is the embed page’s height there, within 4 px`, async () => {
      const element = await preview(view);
      const measured = measuredHeights(element);
      const pairs = measured.split(' ').map((pair) => pair.split(':').map(Number));
      expect(pairs.map(([width]) => width)).to.deep.equal([...FRAME_WIDTHS]);
      for (const [width, height] of pairs) {
        const actual = await frameHeight(view, width!);
        expect(
          Math.abs(actual - height!),
          `${view.element} at ${width} px: measured ${height}, frame ${actual}`,
        ).to.be.at.most(4);
      }
    });
  }

  it('the resizer gives a frame with measured heights the height for its width before it has spoken', async () => {
    const analysis = await sample();
    const code = iframeSnippet(
      {
        analysis,
        element: 'nw-stance-card',
        actor: 'claudia-sheinbaum',
        lang: 'en',
        theme: 'light',
        version: '0.0.0',
        base: `${location.origin}/nowhere/`,
        jsonUrl: `${location.origin}${SAMPLE_JSON}`,
      },
      '375:700 640:400',
    );
    const host = document.createElement('div');
    host.setAttribute('lang', 'en');
    host.innerHTML = code.replace(/<script[^]*$/, '');
    const frame = host.querySelector('iframe')!;
    frame.removeAttribute('src'); // never loaded: only its reserved height is under test
    document.body.append(host);
    frame.width = '500';
    expect(frame.getAttribute('height')).to.equal('700');
    const resizer = document.createElement('script');
    resizer.src = '/dist/embed/resizer.js';
    const ran = new Promise((done) => resizer.addEventListener('load', done));
    document.body.append(resizer);
    await ran;
    resizer.remove();
    expect(frame.style.height).to.equal(`${reservedHeight('375:700 640:400', 500)}px`);
    expect(frame.getBoundingClientRect().height).to.be.within(401, 699);
  });
});
