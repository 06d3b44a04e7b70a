/**
 * <nw-stance-card>: one actor's position, selected by actor or stance id.
 */
import { fill } from '../../internal/i18n/locale.js';
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import './stance-card.js';
import type { NwStanceCard } from './stance-card.js';
import type { Analysis, Stance } from '../../schema/analysis.js';
import { en } from '../../internal/i18n/en.js';
import {
  part,
  prose,
  recordEvents,
  sample,
  untilState,
  visibleText,
  withoutMarkers,
  citationName,
} from '../../../test/browser/helpers.js';

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function card(
  doc: Analysis,
  attributes: { actor?: string; stance?: string; lang?: string; theme?: string } = {},
) {
  const el = await fixture<NwStanceCard>(html`<nw-stance-card
    actor=${ifDefined(attributes.actor)} stance=${ifDefined(attributes.stance)}
    lang=${attributes.lang ?? 'en'} theme=${attributes.theme ?? 'light'} .analysis=${doc}></nw-stance-card>`);
  return el;
}

const stanceOf = (doc: Analysis, actor: string): Stance => doc.stances.find((stance) => stance.actor === actor)!;

describe('<nw-stance-card>', () => {
  it('selects by actor: name, kind and country, headline and summary', async () => {
    const doc = await sample();
    const stance = stanceOf(doc, 'claudia-sheinbaum');
    const actor = doc.actors.find((a) => a.id === 'claudia-sheinbaum')!;
    const el = await card(doc, { actor: 'claudia-sheinbaum' });
    await untilState(el, 'ready');
    expect(text(part(el, '.actor-name'))).to.equal(actor.name);
    expect(text(part(el, '.actor-meta'))).to.equal(`${en.actorKinds[actor.kind]} · ${actor.country}`);
    expect(prose(part(el, '[part=headline]'))).to.equal(withoutMarkers(stance.headline));
    expect(prose(part(el, '[part=summary]'))).to.equal(withoutMarkers(stance.summary));
  });

  it('selects by stance id, which wins over actor', async () => {
    const doc = await sample();
    const wanted = doc.stances.find((stance) => stance.actor !== 'claudia-sheinbaum')!;
    const el = await card(doc, { stance: wanted.id, actor: 'claudia-sheinbaum' });
    await untilState(el, 'ready');
    expect(part(el, '[part=base]').classList.contains(`stance--${wanted.position}`)).to.equal(true);
    expect(text(part(el, '.actor-name'))).to.equal(doc.actors.find((a) => a.id === wanted.actor)!.name);
  });

  it('the headline is a heading (level 3, or heading-level) that names the card', async () => {
    const doc = await sample();
    const el = await card(doc, { actor: 'claudia-sheinbaum' });
    await untilState(el, 'ready');
    const headline = part(el, '[part=headline]');
    expect(headline.getAttribute('role')).to.equal('heading');
    expect(headline.getAttribute('aria-level')).to.equal('3');
    expect(el.shadowRoot!.getElementById(part(el, 'article').getAttribute('aria-labelledby')!)).to.equal(headline);
    el.setAttribute('heading-level', '2');
    await el.updateComplete;
    expect(part(el, '[part=headline]').getAttribute('aria-level')).to.equal('2');
  });

  it('badge: an icon and the word, never colour alone, announced as "Position:"', async () => {
    const doc = await sample();
    const { position } = stanceOf(doc, 'claudia-sheinbaum');
    const el = await card(doc, { actor: 'claudia-sheinbaum' });
    await untilState(el, 'ready');
    const badge = part(el, '[part=badge]');
    const icon = badge.querySelector('svg');
    expect(icon?.getAttribute('aria-hidden')).to.equal('true');
    expect(icon!.getBoundingClientRect().width).to.be.greaterThan(0);
    expect(badge.innerText.trim()).to.include(en.positions[position]); // the visible word
    expect(text(badge)).to.equal(`${en.position}: ${en.positions[position]}`);
  });

  it('every position has its own icon and word', async () => {
    const doc = await sample();
    const positions = ['supports', 'opposes', 'mixed', 'neutral', 'unclear'] as const;
    const seen = new Map<string, { icon: string; word: string }>();
    for (const position of positions) {
      stanceOf(doc, 'claudia-sheinbaum').position = position;
      const el = await card(structuredClone(doc), { actor: 'claudia-sheinbaum' });
      await untilState(el, 'ready');
      const badge = part(el, '[part=badge]');
      seen.set(position, {
        icon: badge.querySelector('svg')!.innerHTML,
        word: text(badge.querySelector('span:not(.visually-hidden)')),
      });
    }
    expect(new Set([...seen.values()].map((v) => v.icon)).size).to.equal(positions.length);
    expect([...seen.values()].map((v) => v.word)).to.deep.equal(positions.map((p) => en.positions[p]));
  });

  it('quote with speaker and formatted date', async () => {
    const doc = await sample();
    const { quote } = stanceOf(doc, 'claudia-sheinbaum');
    const el = await card(doc, { actor: 'claudia-sheinbaum' });
    await untilState(el, 'ready');
    expect(prose(part(el, '[part=quote] blockquote'))).to.equal(withoutMarkers(quote!.text));
    const caption = text(part(el, '[part=quote] figcaption'));
    expect(caption).to.equal(`${quote!.speaker}, August 8, 2025`); // quote.date is 2025-08-08
    expect(part(el, 'time').getAttribute('datetime')).to.equal(quote!.date);
  });

  it('no quote, no quote block', async () => {
    const doc = await sample();
    const without = doc.stances.find((stance) => !stance.quote)!;
    const el = await card(doc, { stance: without.id });
    await untilState(el, 'ready');
    expect(el.shadowRoot!.querySelector('[part=quote]')).to.equal(null);
  });

  it('confidence in words and a line of its sources', async () => {
    const doc = await sample();
    const stance = stanceOf(doc, 'claudia-sheinbaum');
    const el = await card(doc, { actor: 'claudia-sheinbaum' });
    await untilState(el, 'ready');
    expect(visibleText(el, '[part=confidence]')).to.equal(
      `${en.confidence}: ${en.confidenceLevels[stance.confidence!]}`,
    );
    const line = part(el, '[part=sources]');
    expect(text(line.querySelector('.source-line-label'))).to.equal(`${en.sources}:`);
    const cites = [...line.querySelectorAll('[part=citation]')];
    expect(cites.map((cite) => text(cite.querySelector('[aria-hidden]') ?? cite))).to.deep.equal(
      stance.sources.map((id) => `[${id}]`),
    );
    // Each is a button named by its source (its popover holds the link: see citation-popover.test.ts).
    for (const [i, id] of stance.sources.entries()) {
      const source = doc.sources.find((s) => s.id === id)!;
      expect(citationName(cites[i]!), `marker [${id}]`).to.equal(`${en.source} ${id}: ${source.title}`);
    }
  });

  describe('not found', () => {
    const cases: Record<string, [{ actor?: string; stance?: string }, string]> = {
      'an unknown actor': [{ actor: 'nobody-at-all' }, fill(en.notFound.actor, { id: 'nobody-at-all' })],
      'an unknown stance': [{ stance: 'no-such-stance' }, fill(en.notFound.stance, { id: 'no-such-stance' })],
      'no actor or stance': [{}, en.notFound.selector],
    };
    for (const [name, [attributes, message]] of Object.entries(cases)) {
      it(name, async () => {
        const events = recordEvents();
        const el = await card(await sample(), attributes);
        await untilState(el, 'error');
        events.stop();
        expect(events.events.map((event) => [event.type, event.detail.code, event.detail.message])).to.deep.equal([
          ['nw-error', 'not-found', message],
        ]);
        expect(part(el, '[part=error-details]').textContent).to.include(message);
      });
    }
  });

  it('changing actor re-renders and announces nw-ready again', async () => {
    const doc = await sample();
    const el = await card(doc, { actor: 'claudia-sheinbaum' });
    await untilState(el, 'ready');
    const events = recordEvents(el);
    const other = stanceOf(doc, 'us-administration');
    el.setAttribute('actor', 'us-administration');
    await el.updateComplete;
    await aTimeout(20);
    expect(text(part(el, '.actor-name'))).to.equal(doc.actors.find((a) => a.id === 'us-administration')!.name);
    expect(part(el, '[part=base]').classList.contains(`stance--${other.position}`)).to.equal(true);

    el.setAttribute('actor', 'nobody-at-all'); // → not found
    await untilState(el, 'error');
    el.setAttribute('actor', 'claudia-sheinbaum'); // → back
    await untilState(el, 'ready');
    await aTimeout(20);
    events.stop();
    expect(events.events.map((event) => event.type)).to.deep.equal(['nw-ready', 'nw-error', 'nw-ready']);
  });

  it('speaks Spanish', async () => {
    const doc = await sample();
    const el = await card(doc, { actor: 'claudia-sheinbaum', lang: 'es' });
    await untilState(el, 'ready');
    expect(text(part(el, '[part=badge]'))).to.equal('Posición: En contra'); // position "opposes"
    expect(text(part(el, '[part=confidence]'))).to.equal('Confianza: Alta'); // confidence "high"
    expect(text(part(el, '.source-line-label'))).to.equal('Fuentes:');
    expect(text(part(el, 'time'))).to.equal('8 de agosto de 2025');
    expect(text(part(el, '.actor-meta'))).to.equal('Funcionario · Mexico'); // kind "official"
  });

  describe('accessibility (axe)', () => {
    for (const theme of ['light', 'dark']) {
      it(`ready, ${theme}`, async () => {
        const el = await card(await sample(), { actor: 'claudia-sheinbaum', theme });
        await untilState(el, 'ready');
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`loading, ${theme}`, async () => {
        const el = await fixture<NwStanceCard>(
          html`<nw-stance-card theme=${theme} actor="claudia-sheinbaum"></nw-stance-card>`,
        );
        expect(el.getAttribute('state')).to.equal('loading');
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`error, ${theme}`, async () => {
        const el = await card(await sample(), { actor: 'nobody-at-all', theme });
        await untilState(el, 'error');
        await expect(el).shadowDom.to.be.accessible();
      });
    }
  });
});
