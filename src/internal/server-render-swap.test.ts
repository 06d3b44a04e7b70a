/**
 * Server-rendered content kept until the element's own outcome replaces it: `keepServed` on
 * a bare shadow root, then a real element upgraded over a declarative shadow root.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { render, type RenderOptions } from 'lit';
import '../components/summary/summary.js';
import { sample, shadowText, uid, untilState } from '../../test/browser/helpers.js';
import { keepServed } from './server-render-swap.js';

describe('keepServed', () => {
  it('with nothing served: nothing to drop, and Lit renders as usual', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    const options: RenderOptions = {};
    expect(keepServed(root, options)).to.equal(undefined);
    expect(keepServed(null, options)).to.equal(undefined);
    expect(options).to.deep.equal({});
  });

  it('Lit renders after the served nodes, and dropping them leaves Lit’s own', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    root.innerHTML = '<p>served</p><p>also served</p>';
    const options: RenderOptions = {};
    const drop = keepServed(root, options)!;
    render(html`<p>own</p>`, root, options);
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['served', 'also served', 'own']);
    drop();
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['own']);
  });
});

describe('an element over server-rendered content', () => {
  it('shows the served content, no placeholder, while loading; it is gone when nw-ready fires', async () => {
    const doc = await sample();
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    host.setHTMLUnsafe(
      `<nw-summary src="/test-api/slow?ms=300&id=${uid('served')}"><template shadowrootmode="open"><p id="served">Served</p></template></nw-summary>`,
    );
    const el = host.querySelector('nw-summary')!;
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    expect(el.shadowRoot!.querySelector('#served')).not.to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=placeholder]')).to.equal(null);

    let servedAtReady: Element | null | undefined;
    el.addEventListener('nw-ready', () => (servedAtReady = el.shadowRoot!.querySelector('#served')));
    await untilState(el, 'ready');
    expect(servedAtReady).to.equal(null);
    expect(shadowText(el)).to.include(doc.question).and.not.to.include('Served');
  });
});
