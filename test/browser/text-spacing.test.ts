/**
 * WCAG 1.4.12 text spacing: the override a reader applies (the W3C text-spacing bookmarklet's
 * rules) reaches inside every element; a page setting negative spacing does not (it would
 * make the text unreadable, the hostile-page tests hold that line).
 */
import { expect, html } from '@open-wc/testing';
import '../../src/define.js';
import { allSettled, page, sample } from './helpers.js';

const READER = '* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';
const HOSTILE = '* { letter-spacing: -1em !important; word-spacing: -1em !important; }';

/** Every element's first paragraph or list item inside its shadow root. */
function innerTexts(root: Element): Element[] {
  return [...root.querySelectorAll('nw-summary, nw-stance-card, nw-source-list, nw-timeline')].map((el) =>
    el.shadowRoot!.querySelector('p, li')!,
  );
}

async function mount(css: string) {
  const doc = await sample();
  const root = page(html`<div>
    <style>${css}</style>
    <nw-summary .analysis=${doc}></nw-summary>
    <nw-stance-card actor="claudia-sheinbaum" .analysis=${doc}></nw-stance-card>
    <nw-source-list .analysis=${doc}></nw-source-list>
    <nw-timeline .analysis=${doc}></nw-timeline>
  </div>`);
  await allSettled(root);
  return root;
}

describe('text spacing', () => {
  it('a reader’s letter and word spacing reach the text inside', async () => {
    const root = await mount(READER);
    for (const text of innerTexts(root)) {
      const style = getComputedStyle(text);
      const size = parseFloat(getComputedStyle((text.getRootNode() as ShadowRoot).host).fontSize);
      expect(parseFloat(style.letterSpacing), text.textContent!.slice(0, 30)).to.be.closeTo(0.12 * size, 0.05);
      expect(parseFloat(style.wordSpacing)).to.be.closeTo(0.16 * size, 0.05);
    }
  });

  it('negative spacing forced by a page stays out', async () => {
    const root = await mount(HOSTILE);
    for (const text of innerTexts(root)) {
      const style = getComputedStyle(text);
      expect(style.letterSpacing, text.textContent!.slice(0, 30)).to.equal('normal');
      expect(style.wordSpacing).to.equal('0px');
    }
  });

  it('without an override, nothing changes', async () => {
    const root = await mount('');
    for (const text of innerTexts(root)) expect(getComputedStyle(text).letterSpacing).to.equal('normal');
  });
});
