/**
 * Where an element's analysis comes from, first present wins:
 *   1. the `analysis` property (object, or JSON text);
 *   2. a `<script type="application/json">` child;
 *   3. `for="ID"`: a `<script type="application/json">` with that id anywhere in the page;
 *   4. `src="URL"`: fetched JSON, shared with every element using the same URL.
 *
 * Built on Lit's Task controller, which runs again when any input changes and only ever
 * applies the latest run's result. The result is a `ValidationResult`: a document problem
 * is a value, not a thrown error.
 *
 * With none of them, the element keeps its placeholder (data may still come) and, if still
 * without data a few seconds after the page has loaded, says so once in the console.
 *
 * On the server (Lit SSR) no task runs: only the `analysis` property counts, validated
 * synchronously, so the element renders its ready content into the static HTML.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { IS_SERVER } from '../is-server.js';
import type { ValidationResult } from '../../schema/validate.js';
import { composedAncestors } from '../dom/composed-ancestors.js';
import { wordedError } from '../i18n/error-words.js';
import { leaseFetch, resolveFetchUrl, type Lease } from './shared-fetch.js';
import { validateScript, validateValue } from './validated.js';

export interface LoaderHost extends ReactiveControllerHost, HTMLElement {
  analysis: unknown;
  src: string | null | undefined;
  for: string | null | undefined;
  /**
   * With no data of its own, take the nearest enclosing element's: an `nw-*` element with
   * data, or any element with `data-nw-for` / `data-nw-src` (for CMS article wrappers).
   */
  readonly inheritsAnalysis?: boolean;
}

/** One element's data inputs, in precedence order. */
interface DataSpec {
  analysis: unknown;
  child: Element | null;
  for: string | null | undefined;
  src: string | null | undefined;
}

function ownSpec(element: Element & Partial<Pick<LoaderHost, 'analysis' | 'for' | 'src'>>): DataSpec {
  return {
    analysis: element.analysis,
    child: element.querySelector(`:scope > ${JSON_SCRIPT}`),
    for: element.for,
    src: element.src,
  };
}

const hasData = (spec: DataSpec) =>
  (spec.analysis !== undefined && spec.analysis !== null) || spec.child !== null || !!spec.for || !!spec.src;

/** The nearest enclosing element's data, crossing shadow roots. */
function inheritedSpec(host: Element): DataSpec | undefined {
  for (const node of composedAncestors(host)) {
    // Shadow roots are passed (their host comes next); the document ends the walk.
    if (!(node instanceof Element)) continue;
    if (node.localName.startsWith('nw-') && node.localName !== 'nw-cite') {
      const spec = ownSpec(node as Element & Partial<LoaderHost>);
      if (hasData(spec)) return spec;
    }
    const dataFor = node.getAttribute('data-nw-for');
    const dataSrc = node.getAttribute('data-nw-src');
    if (dataFor || dataSrc) return { analysis: undefined, child: null, for: dataFor, src: dataSrc };
  }
  return undefined;
}

const JSON_SCRIPT = 'script[type="application/json"]';

const domReady = () =>
  document.readyState === 'loading'
    ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve();

/** Every loader on the page, for retrying at once everything one failed address broke. */
const connected = new Set<AnalysisLoader>();

/** How long after the page's `load` an element may wait for data before the console hears of it. */
const NO_DATA_GRACE_MS = 3000;

const pageLoaded = () =>
  document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise<void>((resolve) => window.addEventListener('load', () => resolve(), { once: true }));

export class AnalysisLoader {
  readonly task: Task<readonly unknown[], ValidationResult>;
  /** Bumped when the element's own children change, so a pasted child script re-renders. */
  private childVersion = 0;
  private lease?: Lease;
  private leaseUrl?: string;
  /** Created on first connect: server rendering never connects, and has no MutationObserver. */
  private observer?: MutationObserver;

  private readonly host: LoaderHost;

  // A plain field, not a parameter property: erasableSyntaxOnly consumers read this source.
  constructor(host: LoaderHost) {
    this.host = host;
    this.task = new Task(host, {
      task: (_args, { signal }) => this.load(signal),
      args: () => [host.analysis, host.src, host.for, this.childVersion],
    });
    host.addController(this);
  }

  /**
   * Where loading stands: the task in browsers. On the server no task runs: the `analysis`
   * property, validated now, is the outcome (complete), or there is none yet (initial).
   */
  get outcome(): { readonly status: TaskStatus; readonly value?: ValidationResult | undefined; readonly error?: unknown } {
    if (!IS_SERVER) return this.task;
    const { analysis } = this.host;
    return analysis === undefined || analysis === null
      ? { status: TaskStatus.INITIAL }
      : { status: TaskStatus.COMPLETE, value: validateValue(analysis) };
  }

  hostConnected(): void {
    connected.add(this);
    this.observer ??= new MutationObserver(() => {
      this.childVersion++;
      this.host.requestUpdate();
    });
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
    // Came back after leaving mid-fetch: the request was released, so ask again. Not when
    // the load had finished: re-running would flash the loading state on every DOM move.
    if (this.leaseUrl && !this.lease && this.task.status !== TaskStatus.COMPLETE) void this.task.run();
  }

  hostDisconnected(): void {
    connected.delete(this);
    this.observer?.disconnect();
    this.lease?.release();
    this.lease = undefined;
  }

  /** Whether the last load refused `src` for its scheme (nothing was requested, so retrying cannot help). */
  refusedSrc = false;

  /** Loads again from scratch. */
  reload(): void {
    // Drop the lease first: it still holds the failed result, and re-awaiting it would
    // "retry" without ever fetching again (the shared entry already forgot the failure).
    this.release(undefined);
    void this.task.run();
  }

  /** True from `retry()` until that load ends: the host shows its error as busy meanwhile. */
  retrying = false;

  /** The address whose fetch failed, while this loader's outcome is that failure. */
  private get failedUrl(): string | undefined {
    const { value } = this.task;
    return this.task.status === TaskStatus.COMPLETE && value && !value.ok && value.error.code === 'fetch'
      ? this.leaseUrl
      : undefined;
  }

  /**
   * "Try again": loads again, with every other element on the page whose fetch of the same
   * address failed (they share the one new request), each busy until its load ends.
   */
  retry(): void {
    const url = this.failedUrl;
    const all = url ? [...connected].filter((loader) => loader === this || loader.failedUrl === url) : [this];
    for (const loader of all) {
      loader.retrying = true;
      loader.reload(); // the task is pending from here: its taskComplete is this load's
      const done = () => {
        loader.retrying = false;
      };
      loader.task.taskComplete.then(done, done);
      loader.host.requestUpdate();
    }
  }

  private async load(signal: AbortSignal): Promise<ValidationResult | typeof initialState> {
    const { host } = this;
    let spec = ownSpec(host);
    if (!hasData(spec) && host.inheritsAnalysis) spec = inheritedSpec(host) ?? spec;

    if (spec.analysis !== undefined && spec.analysis !== null) return this.release(validateValue(spec.analysis));

    if (spec.child) return this.release(validateScript(spec.child));

    if (spec.for) {
      const script = await this.findScript(spec.for);
      if (script) return this.release(validateScript(script));
      return this.release({ ok: false, error: wordedError('not-found', (t) => t.notFound.forTarget, { id: spec.for }) });
    }

    if (spec.src) {
      const url = resolveFetchUrl(spec.src, document.baseURI);
      this.refusedSrc = !url;
      if (!url) return this.release({ ok: false, error: wordedError('fetch', (t) => t.notFound.badSrc, { src: spec.src }) });
      if (this.leaseUrl !== url || !this.lease) {
        this.lease?.release();
        this.lease = leaseFetch(url);
        this.leaseUrl = url;
      }
      let result: ValidationResult;
      try {
        result = await this.lease.result;
      } catch (cause) {
        // The shared request was aborted because this element left the page mid-fetch. That
        // is not an error to show or announce: back to "nothing loaded"; it loads again if
        // it comes back (hostConnected).
        if (!host.isConnected) return initialState;
        throw cause;
      }
      signal.throwIfAborted();
      return result;
    }
    this.release(undefined);
    this.watchForNoData();
    return initialState; // nothing to show yet: stay in the loading state
  }

  private watching = false;
  private saidNoData = false;

  /**
   * No source at all: data may still come (a framework sets the property once it has it), so
   * no error; but a placeholder forever with no word is a puzzle, so once per element, a
   * while after the page has loaded, the console names what is missing.
   */
  private watchForNoData(): void {
    if (this.saidNoData || this.watching) return;
    this.watching = true;
    const { host } = this;
    void pageLoaded().then(() =>
      setTimeout(() => {
        this.watching = false;
        if (this.saidNoData || !host.isConnected || this.task.status !== TaskStatus.INITIAL) return;
        this.saidNoData = true;
        console.warn(
          `newsroom-widgets: <${host.localName}> has no data ${NO_DATA_GRACE_MS / 1000} s after the page loaded. Set its analysis property, or give it a JSON script child, for="ID" or src="URL".`,
          host,
        );
      }, NO_DATA_GRACE_MS),
    );
  }

  /** Drops the fetch lease when a higher-precedence source takes over. */
  private release<T>(result: T): T {
    this.lease?.release();
    this.lease = undefined;
    this.leaseUrl = undefined;
    return result;
  }

  private async findScript(id: string): Promise<Element | null> {
    const find = () => {
      const root = this.host.getRootNode() as Document | ShadowRoot;
      const found = root.getElementById?.(id) ?? document.getElementById(id);
      return found?.matches(JSON_SCRIPT) ? found : null;
    };
    // A script later in the page than the element may not be parsed yet.
    return find() ?? (await domReady(), find());
  }
}
