/** Outcome events once per outcome, on a bare Lit element (the elements' own are in nw-element.test.ts). */
import { aTimeout, expect, fixtureSync, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { announce, type Outcome } from './announcer.js';

/** An element that says whatever `next` is, and counts what the page heard. */
class Speaker extends LitElement {
  next: Outcome = 'pending';
  heard: string[] = [];
  constructor() {
    super();
    announce(
      this,
      () => this.next,
      (event) => this.heard.push(`after ${event.type}`),
    );
    this.addEventListener('said', (event) => this.heard.push((event as CustomEvent<string>).detail));
  }
  /** Sets what it says and waits for the update that announces it. */
  async say(next: Outcome): Promise<void> {
    this.next = next;
    this.requestUpdate();
    await this.updateComplete;
  }
}
customElements.define('test-speaker', Speaker);

const said = (word: string) => new CustomEvent('said', { detail: word });

describe('announcer', () => {
  let el: Speaker;
  beforeEach(async () => {
    el = fixtureSync<Speaker>(html`<test-speaker></test-speaker>`);
    await el.updateComplete;
  });

  it('fires once per outcome, not once per update, and runs `announced` after the page heard it', async () => {
    const parts = [{}, 'selected'];
    await el.say([said('one'), ...parts]);
    await el.say([said('one again'), ...parts]); // a new event, the same parts: not news
    el.requestUpdate();
    await el.updateComplete;
    expect(el.heard).to.deep.equal(['one', 'after said']);
  });

  it('a part that differs (by identity) is a new outcome', async () => {
    const result = {};
    await el.say([said('one'), result, 'a']);
    await el.say([said('two'), result, 'b']);
    await el.say([said('three'), {}, 'b']);
    await el.say([said('four'), {}, 'b', 'more']);
    expect(el.heard.filter((word) => !word.startsWith('after'))).to.deep.equal(['one', 'two', 'three', 'four']);
  });

  it('pending keeps what was said; idle forgets it', async () => {
    const result = {};
    await el.say([said('one'), result]);
    await el.say('pending');
    await el.say([said('same after pending'), result]);
    await el.say('idle');
    await el.say([said('same after idle'), result]);
    expect(el.heard.filter((word) => !word.startsWith('after'))).to.deep.equal(['one', 'same after idle']);
  });

  it('says nothing off the page, and says it when back', async () => {
    const parent = el.parentElement!;
    el.remove();
    await el.say([said('while away'), {}]);
    expect(el.heard).to.deep.equal([]);
    parent.append(el);
    expect(el.heard).to.deep.equal(['while away', 'after said']);
    // Moving it (remove and append in one task) is not a new outcome.
    el.remove();
    parent.append(el);
    await aTimeout(20);
    expect(el.heard).to.have.length(2);
  });
});
