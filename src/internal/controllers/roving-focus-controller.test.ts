/**
 * RovingFocusController on its own, in a bare list element: one tab stop, the keys, focus
 * and tab stop kept with the item across re-renders, and the hooks progressive lists need.
 * <nw-timeline>'s tests cover the same behaviour as readers meet it there.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import { LitElement } from 'lit';
import { RovingFocusController } from './roving-focus-controller.js';
import { blurAll } from '../../../test/browser/helpers.js';

class RovingList extends LitElement {
  static override properties = { keys: { attribute: false }, rendered: { attribute: false } };
  declare keys: string[];
  /** How many items the DOM holds (a progressive list's limit). */
  declare rendered: number;
  ends = 0;
  readonly roving = new RovingFocusController(this, 'li', 'key', () => {
    this.ends++;
    this.rendered = Infinity;
    this.performUpdate();
  });

  constructor() {
    super();
    this.keys = [];
    this.rendered = Infinity;
  }

  override render() {
    const count = this.roving.tabStop(new Map(this.keys.map((key, i) => [key, i])), this.keys[0], this.rendered);
    return html`<ul @keydown=${this.roving.keydown} @focusin=${this.roving.focusin}>
      ${this.keys.slice(0, count).map((key) => html`<li data-key=${key} tabindex=${this.roving.tabIndex(key)}>${key} <button>in ${key}</button></li>`)}
    </ul>`;
  }
}
customElements.define('test-roving-list', RovingList);

/**
 * As NwElement does with server-rendered content: a copy of the items stays in the shadow
 * root, before the element's own, until its first update is done (after the controllers').
 */
class ServedList extends RovingList {
  private served?: ChildNode[];

  protected override createRenderRoot() {
    const root = super.createRenderRoot() as ShadowRoot;
    root.innerHTML = '<ul><li data-key="a" tabindex="0">a</li><li data-key="b" tabindex="-1">b</li></ul>';
    this.served = [...root.childNodes];
    this.renderOptions.renderBefore = root.appendChild(document.createTextNode(''));
    return root;
  }

  override updated() {
    this.served?.forEach((node) => node.remove());
    this.served = undefined;
  }
}
customElements.define('test-served-list', ServedList);

async function list(keys: string[], rendered = Infinity): Promise<RovingList> {
  return fixture<RovingList>(html`<test-roving-list .keys=${keys} .rendered=${rendered}></test-roving-list>`);
}
const numbered = (count: number) => Array.from({ length: count }, (_, i) => `k${i}`);
const items = (el: RovingList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li')];
const item = (el: RovingList, key: string) => el.shadowRoot!.querySelector<HTMLElement>(`li[data-key="${key}"]`)!;
const tabStops = (el: RovingList) => items(el).filter((li) => li.getAttribute('tabindex') === '0');
const focusedKey = (el: RovingList) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.key;
function press(target: Element, key: string): boolean {
  return target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

describe('RovingFocusController', () => {
  afterEach(() => blurAll());

  it('one tab stop, on the first item; every other item focusable by script only', async () => {
    const el = await list(['a', 'b', 'c']);
    expect(tabStops(el)).to.deep.equal([item(el, 'a')]);
    expect(items(el).map((li) => li.tabIndex)).to.deep.equal([0, -1, -1]);
    expect(el.roving.current).to.equal('a');
  });

  it('arrows, Home and End move focus and the tab stop, and stop at the ends', async () => {
    const el = await list(['a', 'b', 'c', 'd']);
    item(el, 'a').focus();
    const steps: [string, string][] = [
      ['ArrowUp', 'a'],
      ['ArrowDown', 'b'],
      ['ArrowDown', 'c'],
      ['End', 'd'],
      ['ArrowDown', 'd'],
      ['ArrowUp', 'c'],
      ['Home', 'a'],
    ];
    for (const [key, expected] of steps) {
      expect(press(el.shadowRoot!.activeElement!, key), `${key} is handled`).to.equal(false);
      expect(focusedKey(el), key).to.equal(expected);
      expect(tabStops(el), `tab stop after ${key}`).to.deep.equal([item(el, expected)]);
    }
    expect(press(item(el, 'a'), 'Enter'), 'other keys are left alone').to.equal(true);
  });

  it('keys on a control inside an item are left alone; focusing it makes its item the tab stop', async () => {
    const el = await list(['a', 'b', 'c']);
    const button = item(el, 'b').querySelector('button')!;
    button.focus();
    expect(tabStops(el)).to.deep.equal([item(el, 'b')]);
    expect(press(button, 'ArrowDown'), 'not prevented').to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('focus and the tab stop stay with the item when a re-render reuses elements for others', async () => {
    const el = await list(['a', 'b', 'c', 'd']);
    item(el, 'a').focus();
    press(item(el, 'a'), 'ArrowDown');
    const before = item(el, 'b');
    el.keys = ['d', 'c', 'b', 'a'];
    await el.updateComplete;
    expect(item(el, 'b'), 'another element now shows b').not.to.equal(before);
    expect(focusedKey(el)).to.equal('b');
    expect(tabStops(el)).to.deep.equal([item(el, 'b')]);
  });

  it('without focus, the tab stop still follows its item; once the item is gone, it is the first', async () => {
    const el = await list(['a', 'b', 'c']);
    item(el, 'a').focus();
    press(item(el, 'a'), 'End');
    blurAll();
    el.keys = ['c', 'b', 'a'];
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal([item(el, 'c')]);
    // The element that had tabindex 0 written by the first render now shows another item.
    el.keys = ['a', 'b'];
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal([item(el, 'a')]);
    el.keys = [];
    await el.updateComplete;
    expect(el.roving.current).to.equal(undefined);
  });

  it('a tab stop beyond the rendered items falls back to the first, unless it has focus', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const el = await list(keys);
    item(el, 'a').focus();
    press(item(el, 'a'), 'End');
    // Still focused: rendered through it even though only two items would be.
    el.rendered = 2;
    await el.updateComplete;
    expect(items(el)).to.have.length(5);
    expect(focusedKey(el)).to.equal('e');

    blurAll();
    el.keys = [...keys];
    await el.updateComplete;
    expect(items(el)).to.have.length(2);
    expect(tabStops(el)).to.deep.equal([item(el, 'a')]);
  });

  it('End runs beforeEnd first, so it reaches the last item even when it was not rendered', async () => {
    const el = await list(['a', 'b', 'c', 'd', 'e'], 2);
    item(el, 'a').focus();
    press(item(el, 'a'), 'ArrowDown');
    expect(el.ends).to.equal(0);
    press(item(el, 'b'), 'End');
    expect(el.ends).to.equal(1);
    expect(focusedKey(el)).to.equal('e');
    expect(tabStops(el)).to.deep.equal([item(el, 'e')]);
  });

  it('a copy of the items rendered before the host’s own (served) does not take the tab stop from them', async () => {
    const el = await fixture<ServedList>(html`<test-served-list .keys=${['a', 'b', 'c']}></test-served-list>`);
    expect(items(el)).to.have.length(3);
    expect(tabStops(el)).to.deep.equal([item(el, 'a')]);
  });

  it('any mix of re-orders, filters, limits, keys, focus and blur leaves one tab stop, on the current item', async () => {
    const all = numbered(8);
    const step = fc.oneof(
      fc.record({
        op: fc.constant('order' as const),
        seeds: fc.array(fc.double({ noNaN: true }), { minLength: 8, maxLength: 8 }),
      }),
      fc.record({ op: fc.constant('filter' as const), keep: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }) }),
      fc.record({ op: fc.constant('limit' as const), rendered: fc.constantFrom(1, 3, Infinity) }),
      fc.record({ op: fc.constant('key' as const), key: fc.constantFrom('ArrowDown', 'ArrowUp', 'Home', 'End') }),
      fc.record({ op: fc.constant('focus' as const), at: fc.nat(7), control: fc.boolean() }),
      fc.record({ op: fc.constant('blur' as const) }),
    );
    const el = await list(all);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        blurAll();
        el.rendered = Infinity;
        el.keys = [...all];
        await el.updateComplete;
        for (const s of steps) {
          // Focus is kept for the tab stop: focus left on an element whose item was filtered
          // out stays on that element, showing another item, as the browser leaves it.
          const focused = focusedKey(el) === el.roving.current ? focusedKey(el) : undefined;
          if (s.op === 'order')
            el.keys = [...el.keys].sort((x, y) => s.seeds[all.indexOf(x)]! - s.seeds[all.indexOf(y)]!);
          else if (s.op === 'filter') el.keys = all.filter((_, i) => s.keep[i]);
          else if (s.op === 'limit') el.rendered = s.rendered;
          else if (s.op === 'key')
            press(el.shadowRoot!.activeElement ?? item(el, el.roving.current ?? '') ?? el, s.key);
          else if (s.op === 'focus') {
            const target = items(el)[s.at % Math.max(1, items(el).length)];
            (s.control ? target?.querySelector('button') : target)?.focus();
          } else blurAll();
          await el.updateComplete;
          const shown = items(el);
          const where = `${JSON.stringify(steps)}, after ${JSON.stringify(s)}`;
          if (shown.length === 0) expect(tabStops(el), where).to.deep.equal([]);
          else
            expect(
              tabStops(el).map((li) => li.dataset.key),
              where,
            ).to.deep.equal([el.roving.current]);
          if (focused && el.keys.includes(focused) && s.op !== 'key' && s.op !== 'focus' && s.op !== 'blur') {
            expect(focusedKey(el), `focus stays on ${focused}: ${where}`).to.equal(focused);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('item(key) finds the rendered item, with any characters in its key', async () => {
    const el = await list(['plain', 'with "quotes"', 'a]b']);
    for (const key of el.keys) expect(el.roving.item(key)?.dataset.key).to.equal(key);
    expect(el.roving.item('missing')).to.equal(null);
    expect(el.roving.item(undefined)).to.equal(null);
  });
});
