/**
 * WCAG 2.2 target size (2.5.8, AA) and in-sentence markers, measured in the page as an auditor
 * does: every control in a row of controls ("Sources: [1] [2]", a source's "Cited in" links,
 * the popover's close button) at least 24 × 24 px, with its centre reachable by a hit test;
 * markers inside sentences (exempt from 2.5.8) with a real box for their focus ring, and lines
 * holding them as tall as lines without.
 */
import { expect, html } from '@open-wc/testing';
import '../../src/define.js';
import { allSettled, citeButtons, page, popoverOf, sample, untilOpen } from './helpers.js';

const MIN = 24;

/** The box of every control matching `selector` in the element's shadow root (and its nested elements'). */
function targets(root: Element, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element) => {
    const shadow = node.shadowRoot;
    if (!shadow) return;
    found.push(...shadow.querySelectorAll<HTMLElement>(selector));
    for (const child of shadow.querySelectorAll('*')) if (child.localName.startsWith('nw-')) visit(child);
  };
  visit(root);
  return found.filter((target) => target.checkVisibility());
}

/** The topmost element at a target's centre, through shadow roots. */
function hitAt(target: HTMLElement): Element | null {
  const box = target.getBoundingClientRect();
  let hit: Element | null = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  while (hit?.shadowRoot) {
    const inner: Element | null = hit.shadowRoot.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

function expectTargets(list: HTMLElement[], what: string) {
  expect(list.length, `no ${what} found`).to.be.greaterThan(0);
  const small = list
    .map((target) => ({ target, box: target.getBoundingClientRect() }))
    .filter(({ box }) => box.width < MIN - 0.01 || box.height < MIN - 0.01)
    .map(({ target, box }) => `${target.textContent!.trim()} ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);
  expect(small, `${what} under ${MIN} px`).to.deep.equal([]);
  for (const target of list) {
    target.scrollIntoView({ block: 'center' });
    const hit = hitAt(target);
    expect(hit === target || target.contains(hit), `${what} "${target.textContent!.trim()}" is covered`).to.equal(true);
  }
}

for (const width of [375, 1280]) {
  describe(`target sizes at ${width} px`, () => {
    let root: HTMLElement;
    beforeEach(async () => {
      const doc = await sample();
      root = page(html`<div style="width:${width}px">
        <nw-stances .analysis=${doc}></nw-stances>
        <nw-stance-card actor="claudia-sheinbaum" .analysis=${doc}></nw-stance-card>
        <nw-source-list .analysis=${doc}></nw-source-list>
        <nw-timeline .analysis=${doc}></nw-timeline>
      </div>`);
      await allSettled(root);
    });

    it('"Sources:" markers of stance cards and timeline entries are at least 24 px each way', () => {
      expectTargets(targets(root.querySelector('nw-stances')!, '.source-line .cite'), 'stance markers');
      expectTargets(targets(root.querySelector('nw-timeline')!, '.source-line .cite'), 'timeline markers');
    });

    it('a source’s "Cited in" back-links, on stacked lines, are at least 24 px tall', () => {
      expectTargets(targets(root.querySelector('nw-source-list')!, '.backlink'), 'back-links');
    });

    it('the popover’s close button is at least 24 px and stays reachable', async () => {
      const card = root.querySelector('nw-stance-card')!;
      const [marker] = citeButtons(card);
      marker!.click();
      await untilOpen(card);
      expectTargets([popoverOf(card).querySelector<HTMLElement>('.popover-close')!], 'close button');
    });
  });
}

describe('markers inside sentences', () => {
  it('have a real box (their focus ring outlines them) and do not make their line taller', async () => {
    const doc = await sample();
    const root = page(html`<div style="width:375px"><nw-summary .analysis=${doc}></nw-summary></div>`);
    await allSettled(root);
    const summary = root.querySelector('nw-summary')!;
    const markers = citeButtons(summary).filter((marker) => !marker.closest('.source-line'));
    expect(markers.length).to.be.greaterThan(0);
    for (const marker of markers) {
      const box = marker.getBoundingClientRect();
      expect(box.height, marker.textContent!).to.be.above(10);
      expect(box.width, marker.textContent!).to.be.above(10);
    }
    // Every paragraph (or key point) holding markers is a whole number of lines tall: no line was
    // pushed apart.
    const paragraphs = new Set(markers.map((marker) => marker.closest('p, li')!));
    for (const paragraph of paragraphs) {
      const lines = paragraph.getBoundingClientRect().height / parseFloat(getComputedStyle(paragraph).lineHeight);
      expect(Math.abs(lines - Math.round(lines)), `${lines} lines`).to.be.below(0.01);
    }
  });
});
