/**
 * ProgressiveRenderController on its own, in a bare list element: the first chunk at once,
 * one more per timer task until all are in, starting over for a new list, synchronous
 * `renderThrough`, and no chunks while off the page or in updates that render no list.
 * <nw-timeline>'s tests cover ten thousand statements as readers meet them.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ProgressiveRenderController } from './progressive-render-controller.js';

const FIRST = 3;
const CHUNK = 2;

class ProgressiveList extends LitElement {
  static override properties = { items: { attribute: false }, showList: { attribute: false } };
  declare items: string[];
  /** False: the element renders something else (as in an error state) and does not ask. */
  declare showList: boolean;
  /** How many items each update left in the DOM. */
  counts: number[] = [];
  readonly progress = new ProgressiveRenderController(this, () => this.performUpdate(), FIRST, CHUNK);

  constructor() {
    super();
    this.items = [];
    this.showList = true;
  }

  override render() {
    if (!this.showList) return html`<p>no list</p>`;
    const count = this.progress.count(this.items, this.items.length);
    return html`${this.items.slice(0, count).map((item) => html`<p class="item">${item}</p>`)}`;
  }

  override updated() {
    this.counts.push(this.shadowRoot!.querySelectorAll('.item').length);
  }
}
customElements.define('test-progressive-list', ProgressiveList);

const numbered = (count: number, prefix = 'item') => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
const rendered = (el: Element) => [...el.shadowRoot!.querySelectorAll('.item')].map((node) => node.textContent);
/** Long enough for several chunks, had any been due. */
const aWhile = () => new Promise((resolve) => setTimeout(resolve, 50));

async function list(items: string[]): Promise<ProgressiveList> {
  return fixture<ProgressiveList>(html`<test-progressive-list .items=${items}></test-progressive-list>`);
}

describe('ProgressiveRenderController', () => {
  it('renders the first chunk at once, then one more chunk per task until every item is in, in order', async () => {
    const items = numbered(8);
    const el = await list(items);
    expect(rendered(el)).to.deep.equal(items.slice(0, FIRST));
    await Promise.resolve();
    expect(rendered(el), 'not in the same task').to.have.length(FIRST);
    await waitUntil(() => rendered(el).length === items.length, 'never completed');
    expect(rendered(el)).to.deep.equal(items);
    await aWhile();
    expect(el.counts, 'one chunk per update, none once everything is in').to.deep.equal([3, 5, 7, 8]);
  });

  it('a short list renders whole, with no later chunk', async () => {
    const el = await list(numbered(FIRST));
    await aWhile();
    expect(el.counts).to.deep.equal([FIRST]);
  });

  it('renderThrough(index) renders through the item synchronously; already rendered, it does nothing', async () => {
    const items = numbered(20);
    const el = await list(items);
    el.progress.renderThrough(1);
    expect(el.counts, 'already rendered').to.deep.equal([FIRST]);
    el.progress.renderThrough(11);
    expect(rendered(el), 'before any await').to.deep.equal(items.slice(0, 12));
    el.progress.renderThrough(99);
    expect(rendered(el), 'no further than the last item').to.deep.equal(items);
  });

  it('a new list starts over from the first chunk; the same list, re-rendered, does not', async () => {
    const el = await list(numbered(10));
    el.progress.renderThrough(7);
    el.requestUpdate();
    await el.updateComplete;
    expect(rendered(el)).to.have.length(8);

    const next = numbered(10, 'next');
    el.items = next;
    await el.updateComplete;
    expect(rendered(el)).to.deep.equal(next.slice(0, FIRST));
    await waitUntil(() => rendered(el).length === next.length, 'the new list never completed');
  });

  it('stops while the host is off the page and resumes when it is back', async () => {
    const items = numbered(9);
    const el = await list(items);
    const parent = el.parentElement!;
    el.remove();
    await aWhile();
    expect(rendered(el), 'no chunk while detached').to.have.length(FIRST);
    parent.append(el);
    await waitUntil(() => rendered(el).length === items.length, 'rendering never resumed');
  });

  it('an update while off the page (a property set after removal) schedules no chunk', async () => {
    const items = numbered(9);
    const el = await list(items);
    const parent = el.parentElement!;
    el.remove();
    el.items = [...items];
    await el.updateComplete;
    await aWhile();
    expect(rendered(el), 'the new list renders its first chunk, and no more while detached').to.have.length(FIRST);
    parent.append(el);
    await waitUntil(() => rendered(el).length === items.length, 'rendering never resumed');
  });

  it('an update that renders no list schedules no chunk', async () => {
    const el = await list(numbered(9));
    el.showList = false;
    await el.updateComplete;
    await aWhile();
    expect(el.counts).to.deep.equal([FIRST, 0]);
    expect(el.progress.total).to.equal(0);

    el.showList = true;
    await el.updateComplete;
    expect(rendered(el), 'the same list carries on where it was').to.have.length(FIRST);
    await waitUntil(() => rendered(el).length === 9, 'rendering never resumed');
  });
});
