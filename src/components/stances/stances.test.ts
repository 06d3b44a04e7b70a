/**
 * <nw-stances>: every stance side by side, in document order, as a responsive grid.
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
// Plain wrappers use fixtureSync: fixture() waits for an animation frame, which never comes
// while this page is not the browser's front tab (as when web-test-runner ran two pages at
// once; web-test-runner.config.mjs now runs one at a time, and this stays safe either way).
import './stances.js';
import type { NwStances } from './stances.js';
import type { Analysis, Position } from '../../schema/analysis.js';
import { en } from '../../internal/i18n/en.js';
import { part, sample, untilState } from '../../../test/browser/helpers.js';

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function stances(doc: Analysis, { width = 1000, theme = 'light', lang = 'en' } = {}): Promise<NwStances> {
  const wrapper = fixtureSync(html`<div style="width: ${width}px">
    <nw-stances theme=${theme} lang=${lang} .analysis=${doc}></nw-stances>
  </div>`);
  const el = wrapper.querySelector('nw-stances')!;
  await untilState(el, 'ready');
  return el;
}

const items = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=item]')];

describe('<nw-stances>', () => {
  it('one card per stance, in document order, in a labelled list', async () => {
    const doc = await sample();
    const el = await stances(doc);
    expect(part(el, 'ul[part=list]').getAttribute('aria-label')).to.equal(en.stances);
    const cards = items(el).map((item) => item.querySelector('article')!);
    expect(cards.map((card) => card.getAttribute('aria-labelledby'))).to.deep.equal(
      doc.stances.map((s) => `headline-${s.id}`),
    );
    const names = new Map(doc.actors.map((actor) => [actor.id, actor.name]));
    expect(cards.map((card) => text(card.querySelector('.actor-name')))).to.deep.equal(
      doc.stances.map((s) => names.get(s.actor)),
    );
    expect(cards.map((card) => text(card.querySelector('[part=badge] span:not(.visually-hidden)')))).to.deep.equal(
      doc.stances.map((s) => en.positions[s.position]),
    );
  });

  it('side by side in a wide container (1000px): at least two columns', async () => {
    const doc = await sample();
    const [first, second] = items(await stances(doc, { width: 1000 }));
    expect(doc.stances.length).to.be.at.least(2);
    expect(second!.offsetTop).to.equal(first!.offsetTop);
    expect(second!.offsetLeft).to.be.greaterThan(first!.offsetLeft);
  });

  it('one column in a narrow container (320px)', async () => {
    const cells = items(await stances(await sample(), { width: 320 }));
    expect(new Set(cells.map((cell) => cell.offsetLeft)).size).to.equal(1);
    cells.slice(1).forEach((cell, i) => expect(cell.offsetTop).to.be.greaterThan(cells[i]!.offsetTop));
  });

  it('speaks Spanish: badge words', async () => {
    const spanish: Record<Position, string> = {
      supports: 'A favor',
      opposes: 'En contra',
      mixed: 'Mixta',
      neutral: 'Neutral',
      unclear: 'No está clara',
    };
    const doc = await sample();
    const el = await stances(doc, { lang: 'es' });
    expect(items(el).map((item) => text(item.querySelector('[part=badge]')))).to.deep.equal(
      doc.stances.map((s) => `Posición: ${spanish[s.position]}`),
    );
    expect(part(el, 'ul[part=list]').getAttribute('aria-label')).to.equal('Posiciones');
  });

  describe('accessibility (axe)', () => {
    for (const theme of ['light', 'dark']) {
      it(`ready, ${theme}`, async () => {
        const el = await stances(await sample(), { theme });
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`loading, ${theme}`, async () => {
        const el = await fixture<NwStances>(html`<nw-stances theme=${theme}></nw-stances>`);
        expect(el.getAttribute('state')).to.equal('loading');
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`error, ${theme}`, async () => {
        const el = await fixture<NwStances>(html`<nw-stances theme=${theme} .analysis=${'{ broken'}></nw-stances>`);
        await untilState(el, 'error');
        await expect(el).shadowDom.to.be.accessible();
      });
    }
  });
});
