/**
 * What frameworks do to `analysis` when they treat it as an attribute, and an element given
 * nothing at all: each says what is wrong instead of showing its placeholder forever.
 *
 * - JSON text in the attribute (an HTML template writing it) is data like any other: shown when
 *   valid, the validator's error when not.
 * - `analysis="[object Object]"` (Vue's plain `:analysis` before the element is defined, a
 *   template interpolating an object) is an error that names the fix: set the property.
 * - No data source at all: the placeholder stays (data may still come), and the console says
 *   once, a few seconds after the page loaded, what the element is missing.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../components/summary/summary.js';
import '../../components/stance-card/stance-card.js';
import { minimal, recordEvents, shadowText, untilState } from '../../../test/browser/helpers.js';
import type { NwErrorEvent } from '../../events/nw-error.js';

/** The HTML-escaped attribute value for `text`. */
const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

describe('the analysis attribute', () => {
  it('shows an analysis given as JSON text in the attribute', async () => {
    const doc = await minimal();
    const events = recordEvents();
    const el = await fixture(`<nw-summary analysis="${attribute(JSON.stringify(doc))}"></nw-summary>`);
    await untilState(el, 'ready');
    events.stop();
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal(doc.question);
    expect(events.of('nw-ready')).to.have.length(1);
  });

  it('validates JSON text in the attribute like any data: broken JSON and schema problems are errors', async () => {
    const events = recordEvents();
    const broken = await fixture(`<nw-summary analysis='{"schemaVersion": 1,'></nw-summary>`);
    const invalid = await fixture(`<nw-summary analysis='{"schemaVersion": 1}'></nw-summary>`);
    await untilState(broken, 'error');
    await untilState(invalid, 'error');
    events.stop();
    const codes = events.of('nw-error').map((event) => [event.target, (event as NwErrorEvent).detail.code]);
    expect(codes).to.deep.include.members([
      [broken, 'json'],
      [invalid, 'schema'],
    ]);
    expect(shadowText(invalid)).to.include('question');
  });

  it('refuses "[object Object]" with an error that says to set the property', async () => {
    const events = recordEvents();
    const el = await fixture(`<nw-stance-card actor="a" analysis="[object Object]"></nw-stance-card>`);
    await untilState(el, 'error');
    events.stop();
    const [error] = events.of('nw-error') as NwErrorEvent[];
    expect(error!.detail.code).to.equal('json');
    expect(error!.detail.message).to.include('[object Object]').and.to.include('analysis property');
    expect(error!.detail.message).to.include(':analysis.prop').and.to.include('[analysis]');
    // Editors read the same sentence in the element's details.
    expect(shadowText(el)).to.include('analysis property');
  });

  it('an element upgraded with "[object Object]" already written (Vue before the element is defined) is an error, and setting the property then shows it', async () => {
    // Elements created in another document are not upgraded until they join this one: the
    // attribute is already there, as when a framework wrote it before the definition loaded.
    const foreign = document.implementation.createHTMLDocument('');
    const el = foreign.createElement('nw-summary') as HTMLElement & { analysis: unknown };
    el.setAttribute('analysis', String({ question: 'lost' }));
    const events = recordEvents();
    document.body.append(el);
    try {
      await untilState(el, 'error');
      expect((events.of('nw-error')[0] as NwErrorEvent).detail.message).to.include('analysis property');
      const doc = await minimal();
      el.analysis = doc;
      await untilState(el, 'ready');
      expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal(doc.question);
    } finally {
      events.stop();
      el.remove();
    }
  });

  it('does not write the attribute when the property is set to an object', async () => {
    const el = await fixture<HTMLElement & { analysis: unknown }>(`<nw-summary></nw-summary>`);
    el.analysis = await minimal();
    await untilState(el, 'ready');
    expect(el.hasAttribute('analysis')).to.equal(false);
  });
});

describe('an element with no data source', () => {
  it('keeps its placeholder, fires nothing, and says once in the console what it is missing', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    const events = recordEvents();
    try {
      const root = await fixture<HTMLDivElement>(
        `<div><nw-summary id="empty"></nw-summary><nw-summary id="fed"></nw-summary></div>`,
      );
      const [empty, fed] = [root.querySelector('#empty')!, root.querySelector('#fed')! as HTMLElement & { analysis: unknown }];
      // Given its data right away, as a framework does once it has it: no word about it.
      fed.analysis = await minimal();
      await untilState(fed, 'ready');
      await waitUntil(() => warnings.length > 0, 'no console line about the element without data', {
        timeout: 8000,
      });
      expect(warnings).to.have.length(1);
      const [message, element] = warnings[0]!;
      expect(element).to.equal(empty);
      expect(String(message)).to.include('<nw-summary>').and.to.include('analysis property');
      expect(String(message)).to.include('for="ID"').and.to.include('src="URL"');
      expect(empty.getAttribute('state')).to.equal('loading');
      expect(events.of('nw-error')).to.have.length(0);
      // Once per element: another render of the same empty element says nothing more.
      (empty as HTMLElement & { theme: string }).theme = 'dark';
      await (empty as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = original;
      events.stop();
    }
  });
});
