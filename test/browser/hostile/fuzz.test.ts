/**
 * Bad documents never break an element (issue 8, point 1), in real Chromium.
 *
 * fast-check generates at least 10,000 documents per run (valid analyses broken the ways
 * hand-written ones break: see test/hostile/documents.ts) and feeds each one to all seven
 * elements. For every document it proves what a page would notice:
 *   - no uncaught exception, no unhandled rejection, no console.error;
 *   - every element ends in `ready`, or in `error` with a code from the documented set;
 *   - the elements agree with the validator: `validateAnalysis` / `parseAnalysis` ok ⇔ ready,
 *     with the validator's own code otherwise; the only other error is `not-found`, for a
 *     stance card whose actor has no stance and a citation whose source is not listed;
 *   - a ready element shows the document's text (the summary its exact question), an error
 *     one shows its error box naming the code.
 *
 * The elements are reused across documents (the `analysis` property is set again, as a
 * framework would: plain, deep-frozen or behind a Vue-like proxy); one document in ten goes
 * in as JSON text, through the property or a child `<script type="application/json">`, the
 * text itself sometimes damaged (cut short, a BOM, a trailing comma).
 *
 * Runtime: about 6.5 ms of Chromium CPU per document (seven elements plus the four composed
 * inside <nw-analysis>, each a full render), so 10,000 documents take 60–70 s on one core;
 * the stage is not laid out (see createStage).
 *
 * The seed is printed; to replay a failure paste the seed and path fast-check prints into
 * REPLAY below. Shrunk counterexamples of real bugs are kept in REGRESSIONS, run first.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../../src/define.js';
import type { NwElement } from '../../../src/internal/nw-element.js';
import {
  parseAnalysis,
  validateAnalysis,
  type ErrorCode,
  type ValidationResult,
} from '../../../src/schema/validate.js';
import {
  buildDocument,
  deliveredInput,
  documentCases,
  type Bases,
  type DeliveredInput,
  type DocumentCase,
  type Selection,
} from '../../hostile/documents.js';
import { minimal, sample } from '../helpers.js';

/** Documents per run (the issue asks for at least 10,000). */
const RUNS = 10_000;

/** Paste `{ seed, path }` from a failure report here to replay exactly that run. */
const REPLAY = undefined as { seed: number; path: string } | undefined;

/** Every documented code: one added to ErrorCode and not here fails to compile. */
const ERROR_CODES = Object.keys({
  fetch: 1,
  json: 1,
  schema: 1,
  reference: 1,
  'not-found': 1,
  'unsupported-version': 1,
  render: 1,
} satisfies Record<ErrorCode, 1>) as readonly ErrorCode[];

const TAGS = [
  'nw-summary',
  'nw-stance-card',
  'nw-stances',
  'nw-source-list',
  'nw-cite',
  'nw-timeline',
  'nw-analysis',
] as const;
type Tag = (typeof TAGS)[number];

/** A hang guard, not a timing assertion: an element that never announces anything fails here. */
const OUTCOME_GUARD_MS = 10_000;

/**
 * Shrunk counterexamples of real bugs the fuzzer found, replayed on every run so they stay
 * fixed whatever the seed (each names the bug it caught).
 */
const REGRESSIONS: { bug: string; case: DocumentCase }[] = [
  {
    bug: '<nw-stances> was ready but blank for an analysis with no stances',
    case: {
      base: 'minimal',
      mutations: [{ op: 'remove', at: ['stances', 0] }],
      delivery: 'property',
      damage: null,
      selection: 'listed',
    },
  },
];

// ---------------------------------------------------------------------------------------
// What the page notices: uncaught errors, unhandled rejections, console.error.
// ---------------------------------------------------------------------------------------

function describeValue(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Listens to the page for anything a document made it report, until `stop()`. */
function watchPage() {
  const problems: string[] = [];
  // Kept from mocha's and the runner's own handlers while the documents run: those would end
  // the test with no counterexample; recorded here, the property fails and fast-check shrinks
  // it. (Chrome calls `window.onerror` before any listener, so mocha's is set aside.)
  const mochaOnError = window.onerror;
  window.onerror = null;
  const onError = (event: ErrorEvent) => {
    event.stopImmediatePropagation();
    problems.push(`uncaught ${describeValue(event.error ?? event.message)}`);
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    event.stopImmediatePropagation();
    problems.push(`unhandled rejection ${describeValue(event.reason)}`);
  };
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    problems.push(`console.error ${args.map(describeValue).join(' ')}`);
    consoleError.apply(console, args);
  };
  window.addEventListener('error', onError, { capture: true });
  window.addEventListener('unhandledrejection', onRejection, { capture: true });
  return {
    /** Everything reported since the last call. */
    take: () => problems.splice(0),
    stop() {
      window.removeEventListener('error', onError, { capture: true });
      window.removeEventListener('unhandledrejection', onRejection, { capture: true });
      console.error = consoleError;
      window.onerror = mochaOnError;
    },
  };
}

/** One task later: errors and rejections are reported in tasks of their own, after the microtasks. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

// ---------------------------------------------------------------------------------------
// The stage: one of each element, reused for every document.
// ---------------------------------------------------------------------------------------

/** The last `nw-ready` / `nw-error` each element (nested ones included) announced. */
class Outcomes {
  private readonly seen = new Map<Element, CustomEvent>();
  private readonly waiting = new Map<Element, (event: CustomEvent) => void>();

  constructor(root: Element) {
    root.addEventListener('nw-ready', this.record);
    root.addEventListener('nw-error', this.record);
  }

  private readonly record = (event: Event) => {
    // Events are composed: the element that fired is the first on the path, not the target.
    const origin = event.composedPath()[0] as Element;
    this.seen.set(origin, event as CustomEvent);
    this.waiting.get(origin)?.(event as CustomEvent);
  };

  forget(): void {
    this.seen.clear();
  }

  /** The element's next outcome (or the one it announced since `forget`). */
  of(element: Element): Promise<CustomEvent> {
    const seen = this.seen.get(element);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      // A wait left over from a failed document must not remove the next document's wait.
      const stopWaiting = () => this.waiting.get(element) === waiter && this.waiting.delete(element);
      const guard = setTimeout(() => {
        stopWaiting();
        reject(new Error(`<${element.localName}> announced no outcome (state="${element.getAttribute('state')}")`));
      }, OUTCOME_GUARD_MS);
      const waiter = (event: CustomEvent) => {
        clearTimeout(guard);
        stopWaiting();
        resolve(event);
      };
      this.waiting.set(element, waiter);
    });
  }
}

interface Stage {
  root: HTMLElement;
  elements: Record<Tag, NwElement>;
  outcomes: Outcomes;
  /** The last input given. */
  last?: DeliveredInput;
}

function createStage(): Stage {
  const root = document.createElement('div');
  const elements = {} as Record<Tag, NwElement>;
  for (const tag of TAGS) {
    elements[tag] = document.createElement(tag) as NwElement;
    // nw-cite sits in running text, as in an article.
    if (tag === 'nw-cite') root.append(Object.assign(document.createElement('p'), { textContent: 'Text ' }));
    (tag === 'nw-cite' ? root.lastElementChild! : root).append(elements[tag]);
  }
  // Not laid out: this test is about what the elements do with a document, which needs no
  // layout, and laying out the whole sample after each of 10,000 documents would cost
  // about 13 ms each. How they look on hostile pages is point 5's test.
  root.hidden = true;
  document.body.append(root);
  return { root, elements, outcomes: new Outcomes(root) };
}

/** The actor a stance card is pointed at, and the source a citation names. */
interface Picks {
  actor: string;
  source: string;
}

/**
 * `listed`: the first stance's actor and the first source, when the document has them (a
 * valid document then shows them). `unlisted`: an actor with no stance (else an unknown
 * id) and a source id the document does not list: the `not-found` path.
 */
function picksFor(doc: unknown, selection: Selection): Picks {
  const records = (key: string): Record<string, unknown>[] => {
    if (typeof doc !== 'object' || doc === null) return [];
    const list = (doc as Record<string, unknown>)[key];
    return Array.isArray(list)
      ? list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
      : [];
  };
  const strings = (values: unknown[]) => values.filter((value): value is string => typeof value === 'string');
  const stanceActors = strings(records('stances').map((stance) => stance.actor));
  const actorIds = strings(records('actors').map((actor) => actor.id));
  const sourceIds = strings(records('sources').map((source) => source.id));
  if (selection === 'unlisted') {
    return { actor: actorIds.find((id) => !stanceActors.includes(id)) ?? 'nobody-here', source: '9999' };
  }
  return { actor: stanceActors[0] ?? actorIds[0] ?? 'nobody-here', source: sourceIds[0] ?? '1' };
}

function sameInput(a: DeliveredInput | undefined, b: DeliveredInput): boolean {
  if (!a || a.via !== b.via) return false;
  return a.via === 'property' ? Object.is(a.value, (b as typeof a).value) : a.text === (b as typeof a).text;
}

/** Gives every element the input, and waits until each (and each one composed inside) has announced its outcome. */
async function feed(stage: Stage, input: DeliveredInput, picks: Picks): Promise<Map<Element, CustomEvent>> {
  // The same input twice in a row (a primitive, or the same text) would change nothing, and
  // elements announce once per outcome: give them something else in between.
  if (stage.last && sameInput(stage.last, input)) await give(stage, { via: 'property', value: {} }, picks);
  stage.last = input;
  return give(stage, input, picks);
}

async function give(stage: Stage, input: DeliveredInput, picks: Picks): Promise<Map<Element, CustomEvent>> {
  stage.outcomes.forget();
  const all = Object.values(stage.elements);
  const announced = all.map((element) => stage.outcomes.of(element));
  for (const element of all) {
    if (element.localName === 'nw-stance-card') element.setAttribute('actor', picks.actor);
    if (element.localName === 'nw-cite') element.setAttribute('source', picks.source);
    if (input.via === 'property') {
      element.analysis = input.value;
    } else {
      element.analysis = undefined;
      let script = element.querySelector(':scope > script[type="application/json"]');
      if (!script)
        script = element.appendChild(Object.assign(document.createElement('script'), { type: 'application/json' }));
      script.textContent = input.text;
    }
  }
  const events = new Map<Element, CustomEvent>();
  (await Promise.all(announced)).forEach((event, i) => events.set(all[i]!, event));
  // Elements composed inside <nw-analysis> render after it: wait for theirs too.
  for (const inner of composed(stage.elements['nw-analysis'])) events.set(inner, await stage.outcomes.of(inner));
  // A render that threw rejects updateComplete: awaiting it turns that into this document's failure.
  await Promise.all([...events.keys()].map((element) => (element as NwElement).updateComplete));
  return events;
}

/** The nw-* elements rendered inside an element's shadow root. */
function composed(element: Element): NwElement[] {
  return [...(element.shadowRoot?.querySelectorAll('*') ?? [])].filter((node): node is NwElement =>
    node.localName.startsWith('nw-'),
  );
}

// ---------------------------------------------------------------------------------------
// What each element should show, from the validator.
// ---------------------------------------------------------------------------------------

type Expected = { state: 'ready' } | { state: 'error'; code: ErrorCode };

/** The validator's verdict on exactly what the element was given (the documented precedence). */
function validatorVerdict(input: DeliveredInput): ValidationResult {
  if (input.via === 'child-script') return parseAnalysis(input.text);
  return typeof input.value === 'string' ? parseAnalysis(input.value) : validateAnalysis(input.value);
}

function expectedOf(tag: Tag, verdict: ValidationResult, picks: Picks): Expected {
  if (!verdict.ok) return { state: 'error', code: verdict.error.code };
  const { analysis } = verdict;
  if (tag === 'nw-stance-card' && !analysis.stances.some((stance) => stance.actor === picks.actor))
    return { state: 'error', code: 'not-found' };
  if (tag === 'nw-cite' && !analysis.sources.some((source) => source.id === picks.source))
    return { state: 'error', code: 'not-found' };
  return { state: 'ready' };
}

/**
 * The text an element renders as its content, without its closed source popover (always
 * present, always saying "Source"), whitespace removed.
 */
function contentText(root: ShadowRoot | null): string {
  let text = '';
  for (const node of root?.childNodes ?? []) {
    // Lit's markers are comments, whose textContent is their data: text and elements only.
    if (node instanceof Text || (node instanceof Element && !node.hasAttribute('popover')))
      text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, '');
}

/** Every way the element disagrees with what it should show; empty when it is right. */
function disagreements(
  element: NwElement,
  expected: Expected,
  event: CustomEvent,
  verdict: ValidationResult,
): string[] {
  const tag = element.localName;
  const found: string[] = [];
  const state = element.getAttribute('state');
  const code = (event.detail as { code?: unknown } | undefined)?.code;
  const shadow = element.shadowRoot;
  if (state !== expected.state) {
    found.push(
      `<${tag}> is "${state}", the validator says ${expected.state === 'ready' ? 'ready' : `error [${expected.code}]`}`,
    );
    return found;
  }
  if (expected.state === 'ready') {
    if (event.type !== 'nw-ready') found.push(`<${tag}> is ready but announced ${event.type} [${String(code)}]`);
    if (!contentText(shadow)) found.push(`<${tag}> is ready but shows no text`);
    if (shadow?.querySelector('[part=error]')) found.push(`<${tag}> is ready but shows an error box`);
    if (
      tag === 'nw-summary' &&
      verdict.ok &&
      shadow?.querySelector('[part=question]')?.textContent !== verdict.analysis.question
    ) {
      found.push(`<nw-summary> does not show the question exactly as written`);
    }
    if (tag === 'nw-cite' && !shadow?.querySelector('button.cite'))
      found.push('<nw-cite> is ready but shows no marker');
  } else {
    if (event.type !== 'nw-error') found.push(`<${tag}> is in error but announced ${event.type}`);
    if (!ERROR_CODES.includes(code as ErrorCode)) found.push(`<${tag}> announced an undocumented code ${String(code)}`);
    else if (code !== expected.code)
      found.push(`<${tag}> announced [${String(code)}], the validator says [${expected.code}]`);
    const box = shadow?.querySelector('[part=error]');
    if (!box) found.push(`<${tag}> is in error but shows no error part`);
    // The citation marker stays a marker in running text; every other element names the code in its details.
    else if (tag !== 'nw-cite' && !box.textContent?.includes(`[${expected.code}]`))
      found.push(`<${tag}>'s error box does not name [${expected.code}]`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// The test.
// ---------------------------------------------------------------------------------------

/** How a case reached the elements, for the log (a document JSON cannot hold goes as an object). */
function deliveredAs(documentCase: DocumentCase, input: DeliveredInput): string {
  if (input.via === 'child-script') return 'child script';
  if (typeof input.value === 'string') return 'JSON text property';
  return documentCase.delivery === 'frozen-property' || documentCase.delivery === 'proxy-property'
    ? documentCase.delivery.replace('-', ' ')
    : 'object property';
}

/** Counts for the CI log. */
class Tally {
  documents = 0;
  readonly byDelivery = new Map<string, number>();
  readonly byVerdict = new Map<string, number>();
  readonly notFound = new Map<string, number>();

  add(
    documentCase: DocumentCase,
    input: DeliveredInput,
    verdict: ValidationResult,
    expected: Map<Tag, Expected>,
  ): void {
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    this.documents++;
    bump(this.byDelivery, deliveredAs(documentCase, input));
    bump(this.byVerdict, verdict.ok ? 'valid' : verdict.error.code);
    for (const [tag, outcome] of expected)
      if (outcome.state === 'error' && outcome.code === 'not-found') bump(this.notFound, tag);
  }

  toString(): string {
    const list = (map: Map<string, number>) => [...map].map(([key, count]) => `${key} ${count}`).join(', ');
    return `${this.documents} documents × ${TAGS.length} elements; validator: ${list(this.byVerdict)}; delivered as: ${list(this.byDelivery)}; not-found: ${list(this.notFound)}`;
  }
}

describe('hostile documents: every element, every generated document (issue 8.1)', () => {
  let bases: Bases;
  let stage: Stage;
  let page: ReturnType<typeof watchPage>;

  before(async () => {
    bases = { sample: await sample(), minimal: await minimal() };
    stage = createStage();
    page = watchPage();
  });

  after(() => {
    page.stop();
    stage.root.remove();
  });

  /** Feeds one case to every element; throws with every disagreement when something is wrong. */
  async function check(documentCase: DocumentCase, tally?: Tally): Promise<void> {
    const doc = buildDocument(bases, documentCase);
    const input = deliveredInput(doc, documentCase);
    const picks = picksFor(doc, documentCase.selection);
    const verdict = validatorVerdict(input);
    const expected = new Map(TAGS.map((tag) => [tag, expectedOf(tag, verdict, picks)]));
    const events = await feed(stage, input, picks);
    await nextTask();
    const found = page.take();
    for (const tag of TAGS) {
      const element = stage.elements[tag];
      found.push(...disagreements(element, expected.get(tag)!, events.get(element)!, verdict));
    }
    // Inside a ready <nw-analysis>, every composed element shows the same valid document.
    if (expected.get('nw-analysis')!.state === 'ready') {
      for (const inner of composed(stage.elements['nw-analysis'])) {
        found.push(
          ...disagreements(inner, { state: 'ready' }, events.get(inner)!, verdict).map(
            (problem) => `inside <nw-analysis>: ${problem}`,
          ),
        );
      }
    }
    if (found.length > 0) throw new Error(found.join('\n'));
    tally?.add(documentCase, input, verdict, expected);
  }

  for (const regression of REGRESSIONS) {
    it(`regression: ${regression.bug}`, async () => {
      await check(regression.case);
    });
  }

  it(`survive ${RUNS.toLocaleString('en')} generated documents, agreeing with the validator`, async function () {
    this.timeout(280_000); // below the runner's 300 s per file, so mocha reports it, not the runner
    const seed = REPLAY?.seed ?? (Date.now() ^ (Math.random() * 0x1_0000_0000)) | 0;
    console.log(
      `hostile documents: fast-check seed ${seed}${REPLAY ? ` path ${REPLAY.path}` : ''} (replay: set REPLAY in test/browser/hostile/fuzz.test.ts)`,
    );
    const tally = new Tally();
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(documentCases(bases), (documentCase) => check(documentCase, tally)),
      { numRuns: RUNS, seed, includeErrorInReport: true, ...(REPLAY ? { path: REPLAY.path } : {}) },
    );
    // Anything reported after the last document (a late task) still counts.
    await new Promise((resolve) => setTimeout(resolve));
    expect(page.take(), 'reported after the last document').to.deep.equal([]);
    console.log(`hostile documents: ${tally} in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
    expect(tally.documents).to.be.at.least(RUNS);
  });
});
