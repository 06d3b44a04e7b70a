/**
 * Right to left, measured: in Arabic and Hebrew the chrome mirrors (the badge on the other side
 * of the actor, the timeline's rail and lanes from the right, the popover's close button on the
 * left), while the analysis's own text keeps its direction; axe-clean in both, light and dark.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/analysis/analysis.js';
import '../../components/stance-card/stance-card.js';
import '../../components/summary/summary.js';
import '../../components/timeline/timeline.js';
import {
  citeButton,
  part,
  popoverOf,
  sample,
  squash,
  untilOpen,
  untilState,
  variant,
} from '../../../test/browser/helpers.js';

const box = (element: Element) => element.getBoundingClientRect();

async function card(lang: string) {
  const el = await fixture(
    html`<nw-stance-card .analysis=${await sample()} actor="claudia-sheinbaum" lang=${lang}></nw-stance-card>`,
  );
  await untilState(el, 'ready');
  return el;
}

/** A timeline wide enough for its lanes (one column per actor). */
async function wideTimeline(lang: string) {
  const frame = await fixture(
    html`<div style="width: 1100px"><nw-timeline .analysis=${await sample()} lang=${lang}></nw-timeline></div>`,
  );
  const el = frame.querySelector('nw-timeline')!;
  await untilState(el, 'ready');
  return el;
}

describe('right to left', () => {
  for (const lang of ['ar', 'he']) {
    it(`${lang}: the element is dir="rtl" and the position badge sits left of the actor, as it sits right of it in English`, async () => {
      const rtl = await card(lang);
      const ltr = await card('en');
      expect(rtl.getAttribute('dir')).to.equal('rtl');
      expect(ltr.hasAttribute('dir'), 'nothing to say on a left-to-right page').to.equal(false);
      expect(box(part(rtl, '[part=badge]')).right).to.be.at.most(box(part(rtl, '[part=actor]')).left);
      expect(box(part(ltr, '[part=badge]')).left).to.be.at.least(box(part(ltr, '[part=actor]')).right);
    });

    it(`${lang}: the timeline's lanes run from the right, first actor rightmost`, async () => {
      const rtl = await wideTimeline(lang);
      const ltr = await wideTimeline('en');
      const headers = (el: Element) => [...el.shadowRoot!.querySelectorAll('.lane-header')].map((h) => box(h).left);
      const [rtlFirst, rtlSecond] = headers(rtl);
      const [ltrFirst, ltrSecond] = headers(ltr);
      expect(rtlFirst).to.be.greaterThan(rtlSecond!);
      expect(ltrFirst).to.be.lessThan(ltrSecond!);
      // An entry of the first lane is on the right half.
      const entry = part(rtl, '.entry[data-lane="1"]');
      expect(box(entry).left).to.be.greaterThan(box(rtl).left + box(rtl).width / 2);
    });

    it(`${lang}: the narrow timeline's month rail is on the right`, async () => {
      const el = await fixture(
        html`<div style="width: 360px"><nw-timeline .analysis=${await sample()} lang=${lang}></nw-timeline></div>`,
      );
      const timeline = el.querySelector('nw-timeline')!;
      await untilState(timeline, 'ready');
      const list = part(timeline, '.list');
      const style = getComputedStyle(list);
      expect([style.borderRightWidth, style.borderLeftWidth]).to.deep.equal(['2px', '0px']);
      const entry = part(timeline, '.entry');
      expect(box(list).right - box(entry).right, 'room for the rail on the right').to.be.greaterThan(15);
      expect(box(entry).left - box(list).left).to.be.lessThan(2);
    });

    it(`${lang}: an English analysis keeps reading left to right inside the right-to-left chrome`, async () => {
      const el = await fixture(html`<nw-summary .analysis=${await sample()} lang=${lang}></nw-summary>`);
      await untilState(el, 'ready');
      expect(getComputedStyle(part(el, '[part=summary]')).direction).to.equal('ltr');
      expect(getComputedStyle(part(el, '[part=key-points] h3')).direction).to.equal('rtl');
    });

    it(`${lang}: the source popover's close button is on its left`, async () => {
      const el = await fixture(html`<nw-summary .analysis=${await sample()} lang=${lang}></nw-summary>`);
      await untilState(el, 'ready');
      citeButton(el).click();
      await untilOpen(el);
      const popover = popoverOf(el);
      const close = popover.querySelector('.popover-close')!;
      expect(box(close).left - box(popover).left).to.be.lessThan(box(popover).right - box(close).right);
    });

    for (const theme of ['light', 'dark']) {
      it(`${lang}, ${theme}: axe finds nothing in the stance card, summary and timeline`, async () => {
        const doc = await sample();
        for (const template of [
          html`<nw-stance-card .analysis=${doc} actor="claudia-sheinbaum" lang=${lang} theme=${theme}></nw-stance-card>`,
          html`<nw-summary .analysis=${doc} lang=${lang} theme=${theme}></nw-summary>`,
          html`<nw-timeline .analysis=${doc} lang=${lang} theme=${theme}></nw-timeline>`,
        ]) {
          const el = await fixture(template);
          await untilState(el, 'ready');
          await expect(el).shadowDom.to.be.accessible();
        }
      });
    }
  }

  it('an Arabic analysis reads right to left inside English chrome', async () => {
    const doc = await variant((d) => {
      d.language = 'ar';
    });
    const el = await fixture(html`<nw-summary .analysis=${doc} lang="en"></nw-summary>`);
    await untilState(el, 'ready');
    expect(getComputedStyle(el).direction).to.equal('ltr');
    expect(getComputedStyle(part(el, '[part=summary]')).direction).to.equal('rtl');
  });

  it("a dir the page wrote on the element is the page's: kept", async () => {
    const el = await fixture(html`<nw-summary .analysis=${await sample()} lang="ar" dir="ltr"></nw-summary>`);
    await untilState(el, 'ready');
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(squash(part(el, '[part=key-points] h3').textContent)).to.equal('أبرز النقاط');
  });

  it('an English element on a right-to-left page is dir="ltr"', async () => {
    const page = await fixture(
      html`<div dir="rtl" lang="he"><nw-summary .analysis=${await sample()} lang="en"></nw-summary></div>`,
    );
    const el = page.querySelector('nw-summary')!;
    await untilState(el, 'ready');
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(squash(part(el, '[part=key-points] h3').textContent)).to.equal('Key points');
  });
});
