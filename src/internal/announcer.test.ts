/** Outcomes said once each, on a bare Lit element (the elements' own events are in nw-element.test.ts). */
import { aTimeout, expect, fixtureSync, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { announce, type Outcome } from './announcer.js';

/** An element that says whatever `next` is, and records what it said. */
class Speaker extends LitElement {
  next: Outcome = 'pending';
  said: string[] = [];
  readonly #announce = announce(this, () => this.next);
  override updated(): void {
    this.#announce();
  }
  /** Sets the outcome to `word` made of `parts`, and waits for the update that announces it. */
  async say(word: string, ...parts: unknown[]): Promise<void> {
    await this.set([() => this.said.push(word), ...parts]);
  }
  async set(next: Outcome): Promise<void> {
    this.next = next;
    this.requestUpdate();
    await this.updateComplete;
  }
}
customElements.define('test-speaker', Speaker);

describe('announcer', () => {
  let el: Speaker;
  beforeEach(async () => {
    el = fixtureSync<Speaker>(html`<test-speaker></test-speaker>`);
    await el.updateComplete;
  });

  it('says an outcome once, not once per update', async () => {
    const parts = [{}, 'selected'];
    await el.say('one', ...parts);
    await el.say('one again', ...parts); // said anew, the same parts: not news
    el.requestUpdate();
    await el.updateComplete;
    expect(el.said).to.deep.equal(['one']);
  });

  it('a part that differs (by identity), or one more part, is a new outcome', async () => {
    const result = {};
    await el.say('one', result, 'a');
    await el.say('two', result, 'b');
    await el.say('three', {}, 'b');
    await el.say('four', {}, 'b', 'more');
    expect(el.said).to.deep.equal(['one', 'two', 'three', 'four']);
  });

  it('pending keeps what was said; idle forgets it', async () => {
    const result = {};
    await el.say('one', result);
    await el.set('pending');
    await el.say('same after pending', result);
    await el.set('idle');
    await el.say('same after idle', result);
    expect(el.said).to.deep.equal(['one', 'same after idle']);
  });

  it('says nothing off the page, and says it when back', async () => {
    const parent = el.parentElement!;
    el.remove();
    await el.say('while away', {});
    expect(el.said).to.deep.equal([]);
    parent.append(el);
    expect(el.said).to.deep.equal(['while away']);
    // Moving it (remove and append in one task) is not a new outcome.
    el.remove();
    parent.append(el);
    await aTimeout(20);
    expect(el.said).to.deep.equal(['while away']);
  });
});
