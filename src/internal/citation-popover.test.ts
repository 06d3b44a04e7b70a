/**
 * The popover behind every `[n]` citation (issue 4), in the elements that render markers:
 * <nw-summary>, <nw-stance-card> and <nw-cite>. What a reader gets by mouse, keyboard and
 * touch; real key presses and real mouse clicks where Chromium needs them (Escape and
 * light dismiss only react to trusted input), dispatched pointer events for hover and touch.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../components/summary/summary.js';
import '../components/stance-card/stance-card.js';
import '../components/source-list/source-list.js';
import '../components/cite/cite.js';
import type { Analysis, Source } from '../schema/analysis.js';
import { en } from './i18n/en.js';
import {
  allSettled,
  citationName,
  blurAll,
  citeButton,
  citeButtons,
  deepActiveElement,
  described,
  isOpen,
  markers,
  minimal,
  page,
  pointer,
  named,
  popoverOf,
  squash,
  tap,
  textCentre,
  untilClosed,
  untilOpen,
  untilState,
} from '../../test/browser/helpers.js';

/** One kind of element that renders markers: how to put it on a page and which source it cites. */
interface Kind {
  name: string;
  /** Mounts the element (inside a page with an outside button to focus) and says which source its first marker cites. */
  mount(doc: Analysis, extra?: unknown): Promise<{ root: HTMLElement; el: HTMLElement; id: string }>;
}

const STANCE_ACTOR = 'claudia-sheinbaum';

const kinds: Kind[] = [
  {
    name: 'nw-summary',
    async mount(doc, extra) {
      const root = page(html`<div><button type="button" class="outside">Outside</button>
        <nw-summary theme="light" .analysis=${doc}></nw-summary>${extra ?? ''}</div>`);
      await allSettled(root);
      return { root, el: root.querySelector('nw-summary')!, id: markers(doc.summary)[0]! };
    },
  },
  {
    name: 'nw-stance-card',
    async mount(doc, extra) {
      const root = page(html`<div><button type="button" class="outside">Outside</button>
        <nw-stance-card theme="light" actor=${STANCE_ACTOR} .analysis=${doc}></nw-stance-card>${extra ?? ''}</div>`);
      await allSettled(root);
      const stance = doc.stances.find((s) => s.actor === STANCE_ACTOR)!;
      // The first marker in the card: in its headline or summary text, else its sources line.
      const id = [...markers(stance.headline), ...markers(stance.summary), ...stance.sources][0]!;
      return { root, el: root.querySelector('nw-stance-card')!, id };
    },
  },
  {
    name: 'nw-cite',
    async mount(doc, extra) {
      const id = doc.sources.at(-1)!.id;
      const root = page(html`<div><button type="button" class="outside">Outside</button>
        <p>An article's own sentence<nw-cite theme="light" source=${id} .analysis=${doc}></nw-cite>.</p>${extra ?? ''}</div>`);
      await allSettled(root);
      return { root, el: root.querySelector('nw-cite')!, id };
    },
  },
];

const sourceOf = (doc: Analysis, id: string): Source => doc.sources.find((source) => source.id === id)!;

/** What the popover shows must be that source's: label, title, publisher, date, type and link. */
function expectShows(el: Element, source: Source): void {
  const popover = popoverOf(el);
  expect(squash(popover.querySelector('.popover-label')?.textContent)).to.equal(`${en.source} ${source.id}`);
  const title = popover.querySelector('.popover-title')!;
  expect(squash(title.textContent)).to.equal(source.title);
  // The dialog is named by the source's title.
  expect(popover.getAttribute('role')).to.equal('dialog');
  expect(
    el.shadowRoot!.getElementById(popover.getAttribute('aria-labelledby')!) === title,
    'named by its title',
  ).to.equal(true);
  const meta = squash(popover.querySelector('.popover-meta')?.textContent);
  expect(meta)
    .to.include(source.publisher!)
    .and.to.include(en.sourceTypes[source.type!])
    .and.to.include(source.date!.slice(0, 4));
  const link = popover.querySelector('a')!;
  expect(link.getAttribute('href')).to.equal(source.url);
  expect(link.target).to.equal('_blank');
  expect(link.rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
  expect(squash(link.textContent)).to.include(en.opensInNewTab);
}

/** What a mouse click on a button does: focus it, then click. */
function click(button: HTMLElement): void {
  button.focus();
  button.click();
}

/** Records every time the element's popover starts to open. */
function recordOpens(el: Element): { count(): number } {
  let opens = 0;
  popoverOf(el).addEventListener('beforetoggle', (event) => {
    if ((event as ToggleEvent).newState === 'open') opens++;
  });
  return { count: () => opens };
}

afterEach(async () => {
  // Leave no popover open and no mouse parked over a marker for the next test.
  document.querySelectorAll<HTMLElement>(':popover-open').forEach((popover) => popover.hidePopover());
  await sendMouse({ type: 'move', position: [0, 0] });
});

for (const kind of kinds) {
  describe(`citation popover in <${kind.name}>`, () => {
    it('a click opens it with that source, marks the marker expanded and moves focus in', async () => {
      const doc = await described();
      const { el, id } = await kind.mount(doc);
      const marker = citeButton(el, id);
      expect(marker.getAttribute('aria-expanded')).to.equal('false');
      expect(citeButtons(el).every((button) => button.getAttribute('aria-haspopup') === 'dialog')).to.equal(true);
      click(marker);
      await untilOpen(el);
      expect(marker.getAttribute('aria-expanded')).to.equal('true');
      expectShows(el, sourceOf(doc, id));
      expect(popoverOf(el).contains(el.shadowRoot!.activeElement)).to.equal(true);
    });

    for (const key of ['Enter', 'Space']) {
      it(`${key} on the focused marker opens it and moves focus in (real key press)`, async () => {
        const doc = await described();
        const { el, id } = await kind.mount(doc);
        const marker = citeButton(el, id);
        marker.focus();
        await sendKeys({ press: key });
        await untilOpen(el);
        expect(marker.getAttribute('aria-expanded')).to.equal('true');
        expectShows(el, sourceOf(doc, id));
        expect(popoverOf(el).contains(el.shadowRoot!.activeElement)).to.equal(true);
      });
    }

    it('a tap opens it', async () => {
      const doc = await described();
      const { el, id } = await kind.mount(doc);
      tap(citeButton(el, id));
      await untilOpen(el);
      expectShows(el, sourceOf(doc, id));
    });

    it('Escape closes it and focus returns to the marker (real key press)', async () => {
      const doc = await described();
      const { el, id } = await kind.mount(doc);
      const marker = citeButton(el, id);
      click(marker);
      await untilOpen(el);
      await sendKeys({ press: 'Escape' });
      await untilClosed(el);
      await waitUntil(() => el.shadowRoot!.activeElement === marker, 'focus did not return to the marker');
      expect(marker.getAttribute('aria-expanded')).to.equal('false');
    });

    it('the close button closes it and focus returns to the marker', async () => {
      const doc = await described();
      const { el, id } = await kind.mount(doc);
      const marker = citeButton(el, id);
      click(marker);
      await untilOpen(el);
      const close = popoverOf(el).querySelector<HTMLButtonElement>('.popover-close')!;
      expect(close.getAttribute('aria-label')).to.equal(en.close);
      click(close);
      await untilClosed(el);
      await waitUntil(() => el.shadowRoot!.activeElement === marker, 'focus did not return to the marker');
    });

    it('a second click on the same marker closes it', async () => {
      const doc = await described();
      const { el, id } = await kind.mount(doc);
      const marker = citeButton(el, id);
      click(marker);
      await untilOpen(el);
      click(marker);
      await untilClosed(el);
      expect(marker.getAttribute('aria-expanded')).to.equal('false');
    });

    it('a real mouse: click opens, a second click on the marker closes, a click outside closes', async () => {
      const doc = await described();
      const { root, el, id } = await kind.mount(doc);
      const marker = citeButton(el, id);
      const [x, y] = textCentre(marker);
      await sendMouse({ type: 'click', position: [x, y] });
      await untilOpen(el);
      expectShows(el, sourceOf(doc, id));
      await sendMouse({ type: 'click', position: [x, y] });
      await untilClosed(el, 'a second click on the marker did not close the popover');
      // Stays closed: the click did not close it and open it again.
      await sendMouse({ type: 'move', position: [0, 0] });
      expect(isOpen(el)).to.equal(false);

      await sendMouse({ type: 'click', position: [x, y] });
      await untilOpen(el);
      const [ox, oy] = textCentre(root.querySelector('.outside')!);
      await sendMouse({ type: 'click', position: [ox, oy] });
      await untilClosed(el, 'a click outside did not close the popover');
      // Focus went where the reader clicked, not back to the marker.
      expect(named(document.activeElement)).to.equal(named(root.querySelector('.outside')));
    });

    it('mouse hover opens it without moving focus; leaving closes it, focus still untouched', async () => {
      const doc = await described();
      const { el, id } = await kind.mount(doc);
      const marker = citeButton(el, id);
      blurAll();
      pointer(marker, 'pointerover', 'mouse');
      await untilOpen(el, 'hover did not open the popover');
      expectShows(el, sourceOf(doc, id));
      expect(named(document.activeElement)).to.equal('body');
      pointer(marker, 'pointerout', 'mouse');
      await untilClosed(el, 'leaving the marker did not close the popover');
      await new Promise((resolve) => setTimeout(resolve, 50)); // the toggle event is async
      expect(named(deepActiveElement())).to.equal('body');
    });

    it('hover keeps focus where the reader had it', async () => {
      const doc = await described();
      const { root, el, id } = await kind.mount(doc);
      const outside = root.querySelector<HTMLButtonElement>('.outside')!;
      outside.focus();
      const marker = citeButton(el, id);
      pointer(marker, 'pointerover', 'mouse');
      await untilOpen(el);
      expect(named(document.activeElement)).to.equal(named(outside));
      pointer(marker, 'pointerout', 'mouse');
      await untilClosed(el);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(named(document.activeElement)).to.equal(named(outside));
    });

    it('moving from the marker into the popover keeps it open', async () => {
      const doc = await described();
      const { el, id } = await kind.mount(doc);
      const marker = citeButton(el, id);
      pointer(marker, 'pointerover', 'mouse');
      await untilOpen(el);
      pointer(marker, 'pointerout', 'mouse');
      pointer(popoverOf(el).querySelector('.popover-title')!, 'pointerover', 'mouse');
      // Longer than the close delay: the popover is still there, then closes when the pointer leaves it.
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(isOpen(el)).to.equal(true);
      pointer(popoverOf(el).querySelector('.popover-title')!, 'pointerout', 'mouse');
      await untilClosed(el);
    });

    describe('accessibility (axe) with the popover open', () => {
      for (const theme of ['light', 'dark']) {
        it(theme, async () => {
          const doc = await described();
          const { root, el, id } = await kind.mount(doc, html`<nw-source-list .analysis=${doc}></nw-source-list>`);
          el.setAttribute('theme', theme);
          // A dark theme is for a dark page: <nw-cite>'s marker sits on the page's own background.
          if (theme === 'dark') Object.assign(root.style, { background: '#101113', color: '#ececec' });
          click(citeButton(el, id));
          await untilOpen(el);
          expect(popoverOf(el).querySelector('.popover-jump')).not.to.equal(null); // every control is there
          await expect(el).shadowDom.to.be.accessible();
        });
      }
    });
  });
}

describe('citation popovers on one page', () => {
  async function summaryAndCard() {
    const doc = await described();
    const root = page(html`<div>
      <nw-summary .analysis=${doc}></nw-summary>
      <nw-stance-card actor=${STANCE_ACTOR} .analysis=${doc}></nw-stance-card>
    </div>`);
    await allSettled(root);
    return { doc, summary: root.querySelector('nw-summary')!, card: root.querySelector('nw-stance-card')! };
  }

  it('only one is open at a time, across elements', async () => {
    const { summary, card } = await summaryAndCard();
    const first = citeButton(summary);
    click(first);
    await untilOpen(summary);
    click(citeButton(card));
    await untilOpen(card);
    await untilClosed(summary, "the first element's popover stayed open");
    expect(first.getAttribute('aria-expanded')).to.equal('false');
    expect([summary, card].filter(isOpen).map(named)).to.deep.equal([named(card)]);
  });

  it('keyboard order: the popover comes right after its marker, then the next marker (real Tab presses)', async () => {
    const doc = await described();
    const root = page(html`<div><nw-summary .analysis=${doc}></nw-summary></div>`);
    await allSettled(root);
    const el = root.querySelector('nw-summary')!;
    const [first, next] = citeButtons(el);
    first!.focus();
    await sendKeys({ press: 'Enter' });
    await untilOpen(el);
    const controls = [...popoverOf(el).querySelectorAll<HTMLElement>('a, button')];
    expect(controls.length).to.be.greaterThan(1);
    const visited: string[] = [];
    for (let i = 0; i <= controls.length; i++) {
      await sendKeys({ press: 'Tab' });
      visited.push(named(deepActiveElement()));
    }
    expect(visited).to.deep.equal([...controls, next].map(named));
    // Tab past it closed it (it would cover what has focus now), and focus stayed where it went.
    await untilClosed(el, 'the popover stayed open after focus moved on');
    expect(named(deepActiveElement())).to.equal(named(next!));
  });

  it('focus going back to its marker (Shift+Tab) or out of the window leaves it open', async () => {
    const doc = await described();
    const root = page(html`<div><nw-summary .analysis=${doc}></nw-summary></div>`);
    await allSettled(root);
    const el = root.querySelector('nw-summary')!;
    const [first] = citeButtons(el);
    first!.focus();
    await sendKeys({ press: 'Enter' });
    await untilOpen(el);
    await sendKeys({ press: 'Tab' });
    const inside = deepActiveElement();
    expect(popoverOf(el).contains(inside)).to.equal(true);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(named(deepActiveElement())).to.equal(named(first!));
    expect(isOpen(el)).to.equal(true);
    // A blur with nowhere to go inside the page (the reader switched windows): still open.
    popoverOf(el).focus();
    popoverOf(el).dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: null }));
    expect(isOpen(el)).to.equal(true);
  });

  it('a touch pointerover alone does not open it (while a mouse hover elsewhere, started later, does)', async () => {
    const { summary, card } = await summaryAndCard();
    const touched = recordOpens(summary);
    pointer(citeButton(summary), 'pointerover', 'touch');
    pointer(citeButton(card), 'pointerover', 'mouse');
    await untilOpen(card, 'the mouse hover never opened');
    // The hover delay has passed for the touched marker too, and it never started to open.
    expect(touched.count()).to.equal(0);
    expect(citeButton(summary).getAttribute('aria-expanded')).to.equal('false');
  });

  it('clicking another marker in the same element shows that source, anchored at that marker', async () => {
    const doc = await described();
    const root = page(html`<div><nw-summary .analysis=${doc}></nw-summary></div>`);
    await allSettled(root);
    const el = root.querySelector('nw-summary')!;
    const buttons = citeButtons(el);
    const first = buttons[0]!;
    // A marker on another line, for another source.
    const other = buttons.find(
      (button) =>
        button.dataset.cite !== first.dataset.cite &&
        Math.abs(button.getBoundingClientRect().top - first.getBoundingClientRect().top) > 40,
    )!;
    expect(other, 'the sample has markers on different lines').not.to.equal(undefined);
    click(first);
    await untilOpen(el);
    click(other);
    await waitUntil(
      () =>
        squash(popoverOf(el).querySelector('.popover-title')?.textContent) === sourceOf(doc, other.dataset.cite!).title,
      'the popover did not switch to the other source',
    );
    expect(isOpen(el)).to.equal(true);
    expect(first.getAttribute('aria-expanded')).to.equal('false');
    expect(other.getAttribute('aria-expanded')).to.equal('true');
    // Next to the marker it belongs to (below or above it), not where the first one was.
    const box = popoverOf(el).getBoundingClientRect();
    const at = other.getBoundingClientRect();
    const gap = Math.min(Math.abs(box.top - at.bottom), Math.abs(box.bottom - at.top));
    expect(gap, 'popover is not next to the marker that opened it').to.be.below(24);
  });

  it('a popover opened by click stays on its source when the mouse passes over another marker', async () => {
    const doc = await described();
    const root = page(html`<div><nw-summary .analysis=${doc}></nw-summary></div>`);
    await allSettled(root);
    const el = root.querySelector('nw-summary')!;
    const [first, ...rest] = citeButtons(el);
    const other = rest.find((button) => button.dataset.cite !== first!.dataset.cite)!;
    click(first!);
    await untilOpen(el);
    pointer(other, 'pointerover', 'mouse');
    pointer(other, 'pointerout', 'mouse');
    // Longer than the hover-open and close delays together.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(isOpen(el)).to.equal(true);
    expect(squash(popoverOf(el).querySelector('.popover-title')?.textContent)).to.equal(
      sourceOf(doc, first!.dataset.cite!).title,
    );
    expect(popoverOf(el).contains(el.shadowRoot!.activeElement)).to.equal(true);
  });

  describe('"Go to the source list"', () => {
    for (const kind of kinds) {
      it(`<${kind.name}>: only when a source list for the same analysis is on the page`, async () => {
        const doc = await described();
        // No list.
        let { el, id } = await kind.mount(doc);
        click(citeButton(el, id));
        await untilOpen(el);
        expect(popoverOf(el).querySelector('.popover-jump')).to.equal(null);
        popoverOf(el).hidePopover();

        // A list for another analysis.
        ({ el, id } = await kind.mount(doc, html`<nw-source-list .analysis=${await minimal()}></nw-source-list>`));
        click(citeButton(el, id));
        await untilOpen(el);
        expect(popoverOf(el).querySelector('.popover-jump')).to.equal(null);
        popoverOf(el).hidePopover();

        // A list for this analysis that does not show this source (filtered by type).
        const otherType = Object.keys(en.sourceTypes).find((type) => type !== sourceOf(doc, id).type)!;
        ({ el, id } = await kind.mount(
          doc,
          html`<nw-source-list types=${otherType} .analysis=${doc}></nw-source-list>`,
        ));
        click(citeButton(el, id));
        await untilOpen(el);
        expect(popoverOf(el).querySelector('.popover-jump')).to.equal(null);
      });

      it(`<${kind.name}>: activating it closes the popover, focuses and flashes the list's entry`, async () => {
        const doc = await described();
        const { root, el, id } = await kind.mount(doc, html`<nw-source-list .analysis=${doc}></nw-source-list>`);
        const list = root.querySelector('nw-source-list')!;
        const marker = citeButton(el, id);
        click(marker);
        await untilOpen(el);
        const jump = popoverOf(el).querySelector<HTMLButtonElement>('.popover-jump')!;
        expect(squash(jump.textContent)).to.equal(en.goToSourceList);
        click(jump);
        await untilClosed(el);
        const entry = list.shadowRoot!.querySelector<HTMLElement>(`li[data-source="${id}"]`)!;
        expect(named(document.activeElement)).to.equal(named(list));
        expect(named(list.shadowRoot!.activeElement)).to.equal(named(entry));
        expect(entry.hasAttribute('data-flash')).to.equal(true);
        // Focus stays on the entry once the popover's close has been handled.
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(named(list.shadowRoot!.activeElement)).to.equal(named(entry));
        expect(marker.getAttribute('aria-expanded')).to.equal('false');
      });
    }
  });

  it('Spanish: the popover speaks the page language', async () => {
    const doc = await described();
    const root = page(
      html`<div lang="es"><nw-summary .analysis=${doc}></nw-summary><nw-source-list .analysis=${doc}></nw-source-list></div>`,
    );
    await allSettled(root);
    const el = root.querySelector('nw-summary')!;
    await untilState(el, 'ready');
    const { es } = await import('./i18n/es.js');
    const marker = citeButton(el);
    const source = sourceOf(doc, marker.dataset.cite!);
    expect(citationName(marker)).to.equal(`${es.source} ${source.id}: ${source.title}`);
    click(marker);
    await untilOpen(el);
    const popover = popoverOf(el);
    expect(squash(popover.querySelector('.popover-label')?.textContent)).to.equal(`${es.source} ${source.id}`);
    expect(squash(popover.querySelector('.popover-meta')?.textContent)).to.include(es.sourceTypes[source.type!]);
    expect(squash(popover.querySelector('a')?.textContent)).to.equal(`${es.openSource} (${es.opensInNewTab})`);
    expect(squash(popover.querySelector('.popover-jump')?.textContent)).to.equal(es.goToSourceList);
    expect(popover.querySelector('.popover-close')!.getAttribute('aria-label')).to.equal(es.close);
  });
});
