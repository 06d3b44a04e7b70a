/**
 * One timeline entry, built as plain DOM: a thousand-statement timeline is a thousand of
 * these, so each costs only the elements and text a reader meets (about 22 nodes for a
 * dated statement with a kind, an actor, one citation and one source), where a Lit template
 * per entry added a comment marker per binding, two per item of each list, and the
 * template's indentation as whitespace text. What every entry shares (its class and part
 * names, the words, the date labels) is resolved once per render, in `EntryWords`.
 *
 * The same description builds DOM in the browser and HTML text on the server (the static
 * render, through Lit SSR), so both show the same markup. Text is set as text, never
 * parsed: the HTML builder escapes it as Lit would.
 *
 * `entryList()` puts the entries of one period's list into a Lit template: a directive that
 * keeps the rendered entries by statement (see `EntryWords.nodes`) and moves, adds and
 * removes them between its markers, one comment node for the whole list.
 */
import { noChange, nothing } from 'lit';
import { Directive, directive, type ChildPart, type PartInfo, PartType } from 'lit/directive.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Actor, Analysis, Statement } from '../../schema/analysis.js';
import { splitCitations } from '../../schema/citations.js';
import { indexOf } from '../../internal/analysis-index.js';
import { sourceTitleId } from '../../internal/citations.js';
import type { CoreMessages as Messages } from '../../internal/i18n/en.js';
import { escapeAttribute } from '../../internal/markup.js';
import type { timelineMessages } from './timeline.messages.js';

/** What every entry of one render shares: resolved once, not per entry. */
export interface EntryWords {
  analysis: Analysis;
  t: Messages;
  w: (typeof timelineMessages)['en'];
  /** A memoised date formatter: the same dates recur across thousands of entries. */
  date: (value: string) => string;
  /** The element's own language, for what its words name (markers). */
  tag: string;
  /** Entries built with these words, by statement: reused while the words stay the same. */
  nodes: WeakMap<Statement, HTMLElement>;
}

/** The id of the timeline's hidden "arrow keys move between statements" hint. */
export const KEYS_HINT_ID = 'keys-hint';

/** One entry to render: its statement, its lane (0: no lanes), its actor, its tabindex. */
export interface EntryItem {
  statement: Statement;
  lane: number;
  actor: Actor | undefined;
  tabIndex: '0' | '-1';
}

type Attributes = Record<string, string>;
/** Builds an element from its tag, attributes and children (text or built elements). */
type Build<N> = (tag: string, attributes: Attributes | null, children: (N | string)[]) => N;

const buildDom: Build<HTMLElement> = (tag, attributes, children) => {
  const element = document.createElement(tag);
  if (attributes) for (const name in attributes) element.setAttribute(name, attributes[name]!);
  element.append(...children);
  return element;
};

/** Markup the HTML builder wrote, told apart from text (which is escaped). */
class Markup {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
  }
}

const buildHtml: Build<Markup> = (tag, attributes, children) => {
  let html = `<${tag}`;
  if (attributes) for (const name in attributes) html += ` ${name}="${escapeAttribute(attributes[name]!)}"`;
  html += '>';
  for (const child of children) html += typeof child === 'string' ? escapeAttribute(child) : child.html;
  return new Markup(`${html}</${tag}>`);
};

/**
 * A `[n]` marker, as `citation()` in internal/citations.ts renders it elsewhere: a button
 * named by the source's title that opens its popover (found by delegation on `data-cite`).
 * The entry is one block: a source it cited already is not a second tab stop.
 */
function cite<N>(build: Build<N>, id: string, words: EntryWords, block: Set<string>): N | string {
  const source = indexOf(words.analysis).sources.get(id);
  if (!source) return `[${id}]`;
  const attributes: Attributes = {
    type: 'button',
    class: 'cite',
    part: 'citation',
    'data-cite': id,
    'aria-expanded': 'false',
    'aria-haspopup': 'dialog',
    'aria-label': `${words.t.source} ${id}`,
    'aria-describedby': sourceTitleId(id),
    lang: words.tag,
  };
  if (block.has(id)) attributes.tabindex = '-1';
  block.add(id);
  return build('button', attributes, [`[${id}]`]);
}

/** Text with its markers as citations; neighbouring text joined into one text node. */
function citedText<N>(build: Build<N>, text: string, words: EntryWords, block: Set<string>): (N | string)[] {
  const children: (N | string)[] = [];
  for (const part of splitCitations(text)) {
    const child = 'text' in part ? part.text : cite(build, part.cite, words, block);
    const last = children.length - 1;
    if (typeof child === 'string' && typeof children[last] === 'string') children[last] += child;
    else children.push(child);
  }
  return children;
}

function entry<N>(build: Build<N>, { statement, lane, actor, tabIndex }: EntryItem, words: EntryWords): N {
  const { analysis, t, w } = words;
  const lang = analysis.language;
  const { id, date, kind, quote, sources } = statement;
  const block = new Set<string>();

  const meta: N[] = [
    date
      ? build('time', { part: 'date', id: `date-${id}`, datetime: date }, [words.date(date)])
      : build('span', { part: 'date', id: `date-${id}` }, [w.undated]),
  ];
  if (kind) meta.push(build('span', { class: 'kind' }, [w.kinds[kind]]));

  const who: N[] = [build('span', { lang }, [actor?.name ?? statement.actor])];
  if (actor) who.push(build('span', { class: 'actor-kind' }, [t.actorKinds[actor.kind]]));

  const children: N[] = [
    build('p', { class: 'entry-meta' }, meta),
    build('p', { class: 'entry-actor', part: 'actor', id: `actor-${id}` }, who),
    build('p', { class: 'entry-text', part: 'text', lang }, citedText(build, statement.text, words, block)),
  ];
  if (quote) {
    const figure: N[] = [build('blockquote', { lang }, [build('p', null, citedText(build, quote.text, words, block))])];
    if (quote.speaker) figure.push(build('figcaption', { lang }, [quote.speaker]));
    children.push(build('figure', { class: 'quote', part: 'quote' }, figure));
  }
  if (sources.length > 0) {
    // "Sources: [1] [4]": the spaces are the line's own text, as find-in-page and copying read it.
    const line: (N | string)[] = [build('span', { class: 'source-line-label' }, [`${t.sources}${t.colon}`])];
    for (const source of sources) line.push(' ', cite(build, source, words, block));
    children.push(build('p', { class: 'source-line', part: 'sources' }, line));
  }

  return build(
    'li',
    {
      class: 'entry',
      part: 'entry',
      'data-statement': id,
      'data-lane': String(lane),
      tabindex: tabIndex,
      'aria-labelledby': `actor-${id} date-${id}`,
      // How to move on from here: the list's items have no role that would say it.
      'aria-describedby': KEYS_HINT_ID,
    },
    children,
  );
}

/** The entry's element: the one built with these words before, else a new one. */
function entryNode(item: EntryItem, words: EntryWords): HTMLElement {
  let node = words.nodes.get(item.statement);
  if (!node) {
    words.nodes.set(item.statement, (node = entry(buildDom, item, words)));
  } else {
    // Lanes follow the filter, and the tab stop may have moved while the entry was out of the list.
    const lane = String(item.lane);
    if (node.dataset.lane !== lane) node.dataset.lane = lane;
    if (node.getAttribute('tabindex') !== item.tabIndex) node.setAttribute('tabindex', item.tabIndex);
  }
  return node;
}

class EntryListDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('entryList() belongs inside an element, as its content');
  }

  /** On the server (the static render): the entries as HTML. */
  render(items: readonly EntryItem[], words: EntryWords) {
    return items.length ? unsafeHTML(items.map((item) => entry(buildHtml, item, words).html).join('')) : nothing;
  }

  /** In the browser: the entries' elements, in order, between the part's markers; nothing else. */
  override update(part: ChildPart, [items, words]: Parameters<this['render']>) {
    const parent = part.parentNode;
    const end = part.endNode;
    let cursor = part.startNode!.nextSibling;
    for (const item of items) {
      const node = entryNode(item, words);
      if (node === cursor) cursor = cursor.nextSibling;
      else parent.insertBefore(node, cursor);
    }
    while (cursor && cursor !== end) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
    return noChange;
  }
}

/** A period's entries, as the content of its list element. */
export const entryList = directive(EntryListDirective);
