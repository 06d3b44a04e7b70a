/**
 * The inline data script as our snippets and the static render write it: JSON inside an HTML
 * comment, so a CMS that strips `<script>` leaves a comment instead of raw JSON text. The
 * elements read it with or without the comment, from a child script and through `for=`.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/summary/summary.js';
import '../../components/stance-card/stance-card.js';
import { dataScript } from '../markup.js';
import { minimal, recordEvents, uid, untilState } from '../../../test/browser/helpers.js';

describe('inline data script', () => {
  it('feeds for= widgets from JSON inside a comment, and the comment shows nothing', async () => {
    const doc = await minimal();
    const id = uid('commented');
    const root = await fixture<HTMLDivElement>(
      `<div>${dataScript(id, doc)}<nw-summary for="${id}"></nw-summary><nw-stance-card for="${id}" actor="${doc.stances[0]!.actor}"></nw-stance-card></div>`,
    );
    const [summary, card] = [root.querySelector('nw-summary')!, root.querySelector('nw-stance-card')!];
    await untilState(summary, 'ready');
    await untilState(card, 'ready');
    expect(summary.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal(doc.question);
    // The light DOM around the widgets holds no visible text: not the JSON, not the comment.
    expect(root.innerText.trim()).to.equal('');
  });

  it('reads a commented child script, and a plain one written by hand', async () => {
    const doc = await minimal();
    const commented = await fixture(`<nw-summary>${dataScript(uid('child'), doc)}</nw-summary>`);
    const plain = await fixture(
      `<nw-summary><script type="application/json">${JSON.stringify(doc).replace(/</g, '\\u003c')}</script></nw-summary>`,
    );
    await untilState(commented, 'ready');
    await untilState(plain, 'ready');
  });

  it('reports a comment that is never closed as broken JSON', async () => {
    const id = uid('unclosed');
    const events = recordEvents();
    const root = await fixture<HTMLDivElement>(
      `<div><script type="application/json" id="${id}"><!--{"schemaVersion": 1}</script><nw-summary for="${id}"></nw-summary></div>`,
    );
    await untilState(root.querySelector('nw-summary')!, 'error');
    events.stop();
    expect(events.of('nw-error').map((event) => event.detail.code)).to.deep.equal(['json']);
  });
});
