/**
 * Language of parts (WCAG 3.1.2) on a Spanish page around an English analysis: the elements'
 * own words are marked Spanish wherever they sit, the analysis's text English; citation markers
 * are named short in Spanish ("Fuente 2") and described by their title in English.
 */
import { expect, html } from '@open-wc/testing';
import '../../src/define.js';
import { allSettled, deepElements, page, sample } from './helpers.js';

/** The nearest `lang` of a node, across shadow roots. */
function langOf(node: Node): string | null {
  for (let at: Node | null = node; at; at = at instanceof ShadowRoot ? at.host : at.parentNode)
    if (at instanceof Element && at.hasAttribute('lang')) return at.getAttribute('lang');
  return null;
}

describe('language of parts', () => {
  it('chrome words in the page’s language, content in the analysis’s, markers named in Spanish and described in English', async () => {
    const doc = await sample();
    const root = page(html`<div lang="es">
      <nw-summary .analysis=${doc}></nw-summary>
      <nw-source-list .analysis=${doc}></nw-source-list>
      <nw-timeline .analysis=${doc}></nw-timeline>
      <nw-stance-card actor="claudia-sheinbaum" .analysis=${doc}></nw-stance-card>
    </div>`);
    await allSettled(root);
    const all = [...deepElements(root)];
    const newTab = all.filter(
      (el) => el.classList.contains('visually-hidden') && /pestaña nueva/.test(el.textContent!),
    );
    expect(newTab.length).to.be.greaterThan(0);
    for (const span of newTab) expect(langOf(span), span.textContent!).to.match(/^es/);
    const markers = all.filter((el) => el.matches('button.cite'));
    expect(markers.length).to.be.greaterThan(10);
    for (const marker of markers) {
      expect(marker.getAttribute('aria-label')).to.match(/^Fuente \d+$/);
      expect(langOf(marker)).to.match(/^es/);
      const title = (marker.getRootNode() as ShadowRoot).getElementById(marker.getAttribute('aria-describedby')!)!;
      expect(title.textContent).to.equal(doc.sources.find((s) => s.id === marker.getAttribute('data-cite'))!.title);
      expect(langOf(title)).to.equal('en');
    }
  });

  it('timeline entries say how to move between them, in the element’s language', async () => {
    const doc = await sample();
    const root = page(html`<div lang="es"><nw-timeline .analysis=${doc}></nw-timeline></div>`);
    await allSettled(root);
    const shadow = root.querySelector('nw-timeline')!.shadowRoot!;
    const entry = shadow.querySelector('[data-statement]')!;
    const hint = shadow.getElementById(entry.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.match(/flechas/);
    expect(langOf(hint)).to.match(/^es/);
  });
});
