/**
 * Plurals as a reader meets them: <nw-timeline>'s live count, in English and Spanish, for one
 * statement and for a filter that leaves one. The rules themselves are tested in Node
 * (test/node/plural.test.ts); this checks the element says what they give.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/timeline/timeline.js';
import type { NwTimeline } from '../../components/timeline/timeline.js';
import { part, sample, squash, untilState, variant } from '../../../test/browser/helpers.js';

async function countText(doc: unknown, lang: string, actors?: string): Promise<string> {
  const el = await fixture<NwTimeline>(
    html`<nw-timeline .analysis=${doc} lang=${lang} actors=${ifDefined(actors)}></nw-timeline>`,
  );
  await untilState(el, 'ready');
  return squash(part(el, '.count').textContent);
}

/** The sample down to its first statement. */
const oneStatement = () => variant((doc) => doc.statements.splice(1));

describe('plural counts in <nw-timeline>', () => {
  it('one statement: "1 statement", "1 declaración"', async () => {
    expect(await countText(await oneStatement(), 'en')).to.equal('1 statement');
    expect(await countText(await oneStatement(), 'es')).to.equal('1 declaración');
  });

  it('actors= leaving one of eight: "1 of 8 statements", "1 de 8 declaraciones"', async () => {
    const doc = await sample();
    expect(doc.statements).to.have.length(8);
    const solo = doc.actors.find((actor) => doc.statements.filter((s) => s.actor === actor.id).length === 1)!;
    expect(await countText(doc, 'en', solo.id)).to.equal('1 of 8 statements');
    expect(await countText(doc, 'es', solo.id)).to.equal('1 de 8 declaraciones');
  });

  it('every statement shown: "8 statements", "8 declaraciones"', async () => {
    const doc = await sample();
    expect(await countText(doc, 'en')).to.equal('8 statements');
    expect(await countText(doc, 'es')).to.equal('8 declaraciones');
  });
});
