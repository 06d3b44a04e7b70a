/**
 * Landmarks and headings on an article page (WCAG 1.3.1, 2.4.1, 2.4.6): at most one landmark
 * per widget, named so that it stays unique (its kind and the analysis's question, or `label`),
 * none inside a widget (its parts are headings and lists), and heading levels that follow the
 * page (`heading-level`), inner ones derived from it.
 */
import { expect, html } from '@open-wc/testing';
import '../../src/define.js';
import { allSettled, deepElements, page, sample } from './helpers.js';

const LANDMARK_ROLES = new Set([
  'region',
  'navigation',
  'main',
  'complementary',
  'banner',
  'contentinfo',
  'form',
  'search',
]);

const named = (el: Element) => el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');

/** Landmarks as the accessibility tree has them: explicit roles, <nav>/<aside>/<main>, named <section>/<form>. */
function landmarks(root: Element): { name: string; host: string }[] {
  const found: { name: string; host: string }[] = [];
  for (const el of deepElements(root)) {
    const role = el.getAttribute('role');
    const tag = el.localName;
    const landmark =
      (role !== null && LANDMARK_ROLES.has(role)) ||
      (role === null && (['nav', 'aside', 'main'].includes(tag) || (['section', 'form'].includes(tag) && named(el))));
    if (!landmark) continue;
    const host = (el.getRootNode() as ShadowRoot).host?.localName ?? 'page';
    found.push({ name: el.getAttribute('aria-label') ?? `labelledby ${el.getAttribute('aria-labelledby')}`, host });
  }
  return found;
}

/** Headings (native or role=heading) inside `el`'s shadow root with their levels, in order. */
function headings(el: Element): [number, string][] {
  return [...deepElements(el)]
    .filter((h) => /^h[1-6]$/.test(h.localName) || h.getAttribute('role') === 'heading')
    .map((h) => [
      h.getAttribute('role') === 'heading' ? Number(h.getAttribute('aria-level')) : Number(h.localName[1]),
      h.textContent!.replace(/\s+/g, ' ').trim().slice(0, 40),
    ]);
}

describe('landmarks', () => {
  it('every element once: one landmark each at most, none inside, every name unique', async () => {
    const doc = await sample();
    const root = page(html`<div>
      <nw-summary .analysis=${doc}></nw-summary>
      <nw-stances .analysis=${doc}></nw-stances>
      <nw-stance-card actor="claudia-sheinbaum" .analysis=${doc}></nw-stance-card>
      <nw-timeline .analysis=${doc}></nw-timeline>
      <nw-source-list .analysis=${doc}></nw-source-list>
      <nw-analysis .analysis=${doc}></nw-analysis>
    </div>`);
    await allSettled(root);
    for (const el of root.querySelectorAll('nw-analysis')) await allSettled(el.shadowRoot!.firstElementChild!);
    const found = landmarks(root);
    const perHost = new Map<string, number>();
    for (const { host } of found) perHost.set(host, (perHost.get(host) ?? 0) + 1);
    for (const [host, count] of perHost) expect(count, `${host} landmarks`).to.equal(1);
    // nw-analysis composes the others: only its own landmark, none of theirs.
    expect(found.length).to.be.at.most(5);
    const names = found.map((l) => l.name);
    expect(new Set(names).size, names.join(' | ')).to.equal(names.length);
    // Each kind's name: its word, then the question.
    for (const host of ['nw-timeline', 'nw-source-list', 'nw-summary', 'nw-analysis'])
      expect(found.find((l) => l.host === host)?.name, host).to.match(
        new RegExp(`${doc.question.replace(/[?.()]/g, '\\$&')}$`),
      );
    expect(found.find((l) => l.host === 'nw-source-list')!.name).to.equal(`Sources: ${doc.question}`);
  });

  it('label tells two copies of one analysis apart', async () => {
    const doc = await sample();
    const root = page(html`<div>
      <nw-timeline label="Statements, 2025" .analysis=${doc}></nw-timeline>
      <nw-timeline label="Statements, all years" .analysis=${doc}></nw-timeline>
    </div>`);
    await allSettled(root);
    expect(landmarks(root).map((l) => l.name)).to.deep.equal(['Statements, 2025', 'Statements, all years']);
  });
});

describe('heading levels', () => {
  it('follow heading-level in each element, inner ones one below', async () => {
    const doc = await sample();
    const root = page(html`<div>
      <nw-summary heading-level="3" .analysis=${doc}></nw-summary>
      <nw-timeline heading-level="3" .analysis=${doc}></nw-timeline>
      <nw-source-list heading-level="4" .analysis=${doc}></nw-source-list>
      <nw-stance-card heading-level="4" actor="claudia-sheinbaum" .analysis=${doc}></nw-stance-card>
    </div>`);
    await allSettled(root);
    const [summary, timeline, sources, card] = [...root.children];
    expect(headings(summary!).map(([level]) => level)).to.deep.equal([3, 4, 4]);
    const timelineLevels = headings(timeline!).map(([level]) => level);
    // A heading of its own (visually hidden), then the periods.
    expect(timelineLevels[0]).to.equal(3);
    expect(new Set(timelineLevels.slice(1))).to.deep.equal(new Set([4]));
    expect(headings(sources!).map(([level]) => level)).to.deep.equal([4]);
    expect(headings(card!).map(([level]) => level)).to.deep.equal([4]);
  });

  it('nw-analysis derives every composed element’s levels from its own, with no level skipped', async () => {
    const doc = await sample();
    const root = page(html`<div><nw-analysis heading-level="3" .analysis=${doc}></nw-analysis></div>`);
    await allSettled(root);
    const el = root.querySelector('nw-analysis')!;
    await allSettled(el.shadowRoot!.firstElementChild!);
    const levels = headings(el).map(([level]) => level);
    expect(Math.min(...levels)).to.equal(3);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${headings(el)[i]}`).to.be.at.most(1);
  });
});
