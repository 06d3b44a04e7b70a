/**
 * The embed builder: an editor pastes, chooses or drops an analysis, sees every problem with
 * its path, picks an element and its options, sees it live, and copies the code for their CMS:
 * the link to a published embed page (oEmbed), a script tag, an iframe, or static HTML rendered
 * here. Nothing leaves the page (only the
 * optional "check against the CDN" button goes online).
 *
 * `mountBuilder(root, options)` builds the whole UI inside `root`; builder.page.ts mounts it on
 * builder.html, and test/browser/builder.test.ts mounts it in a test page. This file holds the
 * state and the event wiring; the page, the pipeline and the view are in the builder-*.ts files:
 *
 *   builder-template.ts   the markup, rendered once
 *   builder-view.ts       the form read, and readings, fields, notes and code shown
 *   builder-inputs.ts     step 1's ways in besides typing: files, drops, the sample
 *   builder-read.ts       step 1's pipeline: text → JSON → validated analysis (no DOM)
 *   builder-json.ts       where JSON text breaks, in words an editor can act on
 *   builder-outputs.ts    the kinds of code; form → fields shown, notes, what to make (no DOM)
 *   builder-snippets.ts   the code itself
 *   builder-preview.ts    the live element of step 3
 *   builder-integrity.ts  the CDN file's SRI hash and its check
 *   builder-publish.ts    site.zip: the `publish` folder made in the page (loaded on demand)
 *   builder-queue.ts      updates one at a time, typing debounced
 */
import { render } from 'lit';
import '../src/define.js';
import type { Analysis } from '../src/schema/analysis.js';
import { VERSION } from '../src/version.js';
import { wireInputs, type Listen } from './builder-inputs.js';
import { checkCdn, CHECKING, integrityText, type KnownHash } from './builder-integrity.js';
import { fieldsFor, OUTPUTS, planCode, type BuilderForm } from './builder-outputs.js';
import { clearPreview, showPreview, whenRendered } from './builder-preview.js';
import { UpdateQueue } from './builder-queue.js';
import { EMPTY_READING, readAnalysis, type Reading } from './builder-read.js';
import { CDN_FILE, cdnBase, libraryBase } from './builder-snippets.js';
import { builderTemplate } from './builder-template.js';
import {
  copySnippet,
  readForm,
  showFields,
  showNotes,
  showReadError,
  showReading,
  showSnippet,
  viewOf,
  type BuilderView,
} from './builder-view.js';

export interface BuilderOptions {
  /** dist/cdn/integrity.json (`{ "newsroom-widgets.js": "sha384-…" }`); absent when the package is not built. */
  integrity?: Record<string, string> | undefined;
  /** The package version in the CDN address; default src/version.ts. */
  version?: string;
  /** The sample analysis as JSON text, for the "Use the sample" button. */
  sample?: string;
  /**
   * Where the library's files are served (the package's dist/ folder: cdn/newsroom-widgets.js,
   * embed.html, embed/resizer.js); default jsDelivr for `version`.
   */
  base?: string;
  /** Where the `newsroom-widgets publish` folder is uploaded (its --base-url); default none. */
  siteBase?: string;
  /**
   * Loads this build's dist/embed/embed.classic.js (its text), which "Download site.zip" copies
   * as embed.js; without it the download fetches that file from the library's files (`base`).
   */
  loadEmbedScript?: () => Promise<string>;
}

export interface Builder {
  /** Loads JSON text as if pasted, and waits until the preview and code are updated. */
  load(text: string): Promise<void>;
  /** Resolves once every pending change (typing, options) has reached the preview and the code. */
  settled(): Promise<void>;
  /** The valid analysis shown now, if any. */
  readonly analysis: Analysis | undefined;
  /** The preview element, if any. */
  readonly preview: HTMLElement | undefined;
  /** The embed code shown now ("" when there is none). */
  readonly snippet: string;
  destroy(): void;
}

/** Everything the builder remembers between events; the rest is in the form itself. */
interface BuilderState {
  /** What the text of step 1 gave when it was last read. */
  reading: Reading;
  /** The CDN file's hash, when known: from the build, or fetched by "Check against the CDN". */
  integrity: KnownHash | undefined;
  /** The live element in step 3. */
  preview: HTMLElement | undefined;
  /** The last site.zip made, and what it was made from: stale once either changes. */
  download: { url: string; reading: Reading; siteBase: string; base: string } | undefined;
}

/** Pause in typing before the text is parsed and validated again (long documents). */
const TYPING_PAUSE_MS = 300;

let mounted = 0;

export function mountBuilder(root: HTMLElement, options: BuilderOptions = {}): Builder {
  const p = `nwb${++mounted}`;
  const version = options.version ?? VERSION;
  const built = options.integrity?.[CDN_FILE];
  const state: BuilderState = {
    reading: EMPTY_READING,
    integrity: built ? { hash: built, from: 'build' } : undefined,
    preview: undefined,
    download: undefined,
  };

  root.classList.add('builder');
  // Rendered once, into a fragment so that `root` keeps no Lit state (destroy empties it).
  const page = document.createDocumentFragment();
  render(builderTemplate(p, { sample: Boolean(options.sample) }), page);
  root.replaceChildren(page);
  const view: BuilderView = viewOf(root, p);
  view.base.value = options.base ?? cdnBase(version);
  view.siteBase.value = options.siteBase ?? '';
  const pageTheme = document.documentElement.dataset.theme;
  if (pageTheme === 'dark' || pageTheme === 'auto') view.theme.value = pageTheme;

  const queue = new UpdateQueue((error) =>
    showNotes(view, [`Something went wrong building the code: ${String(error)}`]),
  );

  /** Step 1: parses and validates the text; without a valid analysis, no preview. */
  function read(text: string) {
    state.reading = readAnalysis(text);
    showReading(view, state.reading);
    if (state.reading.state !== 'valid') {
      clearPreview(view.preview, state.preview, state.reading.previewNote);
      state.preview = undefined;
    }
  }

  /** Steps 2 to 4 from the form: fields, preview (a new element when `rebuild`), notes and code. */
  async function update(rebuild: boolean): Promise<void> {
    const form = readForm(view);
    const fields = fieldsFor(form);
    // With its own build the builder needs no address to copy embed.js from.
    const shown =
      options.loadEmbedScript && form.kind === 'link' ? fields.shown.filter((f) => f !== 'base') : fields.shown;
    showFields(view, { ...fields, shown });
    forgetStaleDownload(form);
    view.sriText.textContent = integrityText(state.integrity, version);
    const plan = planCode({ reading: state.reading, form, version, integrity: state.integrity?.hash });
    view.download.disabled = !plan.choice || plan.blocked;
    if (!plan.choice) {
      showSnippet(view, '');
      showNotes(view, plan.notes);
      return;
    }
    const preview = showPreview(view.preview, state.preview, plan.choice, rebuild);
    state.preview = preview;
    if (plan.blocked) {
      showNotes(view, plan.notes);
      showSnippet(view, '');
      return;
    }
    const output = OUTPUTS[form.kind];
    if (output.fromPreview) {
      showSnippet(view, '');
      await whenRendered(preview);
      // Text read meanwhile (load() or the typing pause reads outside the queue) that is not a
      // valid analysis removed the preview: there is nothing to serialise. Other updates wait
      // in the queue until this one ends.
      if (state.preview !== preview) return;
    }
    const made = output.code(plan.choice, form, preview);
    showNotes(view, [...plan.notes, ...(made.notes ?? [])]);
    showSnippet(view, made.code);
  }

  const schedule = (rebuild: boolean) => queue.run(() => update(rebuild));

  /** site.zip for another analysis or address would upload the wrong files: take its link away. */
  function forgetStaleDownload(form: BuilderForm) {
    const made = state.download;
    if (!made) return;
    if (made.reading === state.reading && made.siteBase === form.siteBase && made.base === form.base) return;
    URL.revokeObjectURL(made.url);
    state.download = undefined;
    view.downloadAgain.hidden = true;
    view.downloadLink.removeAttribute('href');
    view.downloadStatus.textContent = '';
  }

  let downloading = false;
  /** "Download site.zip": the published folder made here, then saved. */
  async function download() {
    const form = readForm(view);
    const reading = state.reading;
    if (reading.state !== 'valid' || downloading) return;
    // The button stays enabled (a disabled button would drop the editor's focus to the page);
    // a second press while this one works does nothing.
    downloading = true;
    forgetStaleDownload({ ...form, siteBase: '' });
    try {
      const { fetchEmbedScript, siteDownload, SiteDownloadError, SITE_ZIP } = await import('./builder-publish.js');
      const { loadEmbedScript } = options;
      try {
        const made = await siteDownload({
          analysis: reading.analysis,
          siteBase: form.siteBase,
          embedScript: loadEmbedScript
            ? async () => new TextEncoder().encode(await loadEmbedScript())
            : () => fetchEmbedScript(`${libraryBase({ base: form.base || undefined, version })}embed/embed.classic.js`),
          version,
          integrity: state.integrity?.hash,
          progress: (text) => (view.downloadStatus.textContent = text),
        });
        const url = URL.createObjectURL(made.zip);
        state.download = { url, reading, siteBase: form.siteBase, base: form.base };
        view.downloadLink.href = url;
        view.downloadLink.download = SITE_ZIP;
        view.downloadAgain.hidden = false;
        const estimated = made.views - made.measured;
        view.downloadStatus.textContent =
          `site.zip is ready: ${made.files} files, ${Math.ceil(made.zip.size / 1024)} KB, ${made.views} pages` +
          (estimated > 0 ? ` (${estimated} not measured in time: their heights are estimates)` : '') +
          `. Unzip it and upload site/ to ${form.siteBase}.`;
        view.downloadLink.click();
      } catch (error) {
        view.downloadStatus.textContent =
          error instanceof SiteDownloadError ? error.message : `Could not make site.zip: ${String(error)}`;
      }
    } catch (error) {
      view.downloadStatus.textContent = `Could not load the part of the builder that makes site.zip: ${String(error)}`;
    } finally {
      downloading = false;
      void schedule(false);
    }
  }

  /** New text for step 1, read at once (typing still waiting for its pause is dropped). */
  async function load(text: string): Promise<void> {
    view.json.value = text;
    queue.cancel();
    read(text);
    await schedule(true);
  }

  const abort = new AbortController();
  const on: Listen = (target, type, listener) => target.addEventListener(type, listener, { signal: abort.signal });

  on(view.json, 'input', () =>
    queue.debounce(TYPING_PAUSE_MS, () => {
      read(view.json.value);
      void schedule(true);
    }),
  );
  wireInputs(view, {
    load,
    fail: (message) => showReadError(view, message),
    sample: options.sample,
    on,
  });
  on(view.goto, 'click', () => {
    const problem = state.reading.state === 'not-json' ? state.reading.problem : undefined;
    if (!problem) return;
    view.json.focus();
    view.json.setSelectionRange(problem.offset, Math.min(problem.offset + 1, view.json.value.length));
  });
  // Text fields and checkboxes on every keystroke or click; menus and radios once chosen.
  for (const control of view.options) {
    const type = control instanceof HTMLSelectElement || control.type === 'radio' ? 'change' : 'input';
    on(control, type, () => void schedule(false));
  }

  on(view.copy, 'click', () => void copySnippet(view));
  on(view.download, 'click', () => void download());

  on(view.sriCheck, 'click', async () => {
    view.sriStatus.textContent = CHECKING;
    const checked = await checkCdn(version, state.integrity?.hash);
    view.sriStatus.textContent = checked.status;
    if (checked.hash) {
      state.integrity = { hash: checked.hash, from: 'cdn' };
      void schedule(false);
    }
  });

  // With no analysis yet, an update is synchronous: the page is complete when this returns.
  void update(false);

  return {
    load,
    settled: () => queue.settled(),
    get analysis() {
      return state.reading.state === 'valid' ? state.reading.analysis : undefined;
    },
    get preview() {
      return state.preview;
    },
    get snippet() {
      return view.snippet.value;
    },
    destroy() {
      if (state.download) URL.revokeObjectURL(state.download.url);
      abort.abort();
      queue.cancel();
      root.replaceChildren();
    },
  };
}
