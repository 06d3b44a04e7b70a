/**
 * Registration when another version (or another script) got to a tag first. Runs in its
 * own page (one per test file), since custom elements cannot be undefined: everything
 * conflicting is defined in `before`, ahead of our registration modules.
 */
import { expect } from '@open-wc/testing';
import { VERSION } from '../version.js';

class OtherStances extends HTMLElement {
  static version = '99.0.0';
}
class OtherCard extends HTMLElement {
  static version = '99.0.0';
}
/** Another library's element, with no version at all. */
class Unrelated extends HTMLElement {}

const warnings: string[] = [];
const thrown: unknown[] = [];

before(async () => {
  customElements.define('nw-stances', OtherStances);
  customElements.define('nw-stance-card', OtherCard);
  customElements.define('nw-summary', Unrelated);
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    // Literal specifiers (the dev server maps them to the .ts sources), loaded only now.
    for (const load of [
      () => import('../components/stances/stances.js'),
      () => import('../components/stance-card/stance-card.js'),
      () => import('../components/summary/summary.js'),
    ]) {
      await load().catch((cause: unknown) => thrown.push(cause));
    }
  } finally {
    console.warn = original;
  }
});

describe('registration when a tag is already taken', () => {
  it('loading our elements does not throw', () => {
    expect(thrown).to.deep.equal([]);
  });

  it('keeps the first definitions', () => {
    expect(customElements.get('nw-stances')).to.equal(OtherStances);
    expect(customElements.get('nw-stance-card')).to.equal(OtherCard);
    expect(customElements.get('nw-summary')).to.equal(Unrelated);
  });

  it('says so once per page, naming the tag and both versions', () => {
    const ours = warnings.filter((text) => text.includes('newsroom-widgets'));
    expect(ours).to.have.length(1);
    expect(ours[0]).to.include('<nw-stances>').and.to.include('99.0.0').and.to.include(VERSION);
    expect(warnings).to.deep.equal(ours); // and nothing else was printed
  });
});
