/**
 * The embed builder: an editor pastes, chooses or drops an analysis, sees every problem with
 * its path, picks an element and its options, sees it live, and copies the code for their CMS:
 * a script tag, an iframe, or static HTML rendered here. Nothing leaves the page (only the
 * optional "check against the CDN" button goes online).
 *
 * `mountBuilder(root, options)` builds the whole UI inside `root`; builder.page.ts mounts it on
 * builder.html, and test/browser/builder.test.ts mounts it in a test page.
 */
import '../src/define.js';
import type { Theme } from '../src/internal/standalone-elements.js';
import { isHttpUrl, type Analysis } from '../src/schema/analysis.js';
import { validateAnalysis, type ValidationIssue } from '../src/schema/validate.js';
import { VERSION } from '../src/version.js';
import { findJsonProblem } from './builder-json.js';
import {
  CDN_FILE,
  cdnUrl,
  ELEMENTS,
  iframeSnippet,
  scriptSnippet,
  shadowRootsIn,
  sriHash,
  staticSnippet,
  type ElementName,
  type Lang,
  type SnippetChoice,
  type SnippetKind,
} from './builder-snippets.js';

export * from './builder-json.js';
export * from './builder-snippets.js';

export interface BuilderOptions {
  /** dist/cdn/integrity.json (`{ "newsroom-widgets.js": "sha384-…" }`); absent when the package is not built. */
  integrity?: Record<string, string> | undefined;
  /** The package version in the CDN address; default src/version.ts. */
  version?: string;
  /** The sample analysis as JSON text, for the "Use the sample" button. */
  sample?: string;
  /** Where embed.html and embed/resizer.js are served; default this page's folder. */
  embedBase?: string;
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

let mounted = 0;

function defaultEmbedBase(): string {
  return new URL('.', location.href).href.replace(/\/+$/, '');
}

const KIND_HELP: Record<SnippetKind, string> = {
  script:
    'For CMSes that let you paste HTML with a <script> (WordPress “Custom HTML”, Drupal “Full HTML”, Ghost HTML cards, Arc/Brightspot raw HTML). The analysis goes inside the code unless you give its address.',
  iframe:
    'For CMSes that only take iframes. The iframe page loads the analysis from its address, so you need to put the JSON file online first (your CMS’s file upload, a bucket, a GitHub Pages site) and give that address below. The small resizer script makes the iframe as tall as its content.',
  static:
    'The widget already rendered as HTML (declarative shadow DOM), readable even where scripts are stripped or blocked, and in search engines. With “make it interactive” the script upgrades it when it loads. The command-line equivalent is npx newsroom-widgets render.',
};

export function mountBuilder(root: HTMLElement, options: BuilderOptions = {}): Builder {
  const p = `nwb${++mounted}`;
  const version = options.version ?? VERSION;
  let integrity = options.integrity?.[CDN_FILE];
  let integrityOrigin: 'build' | 'cdn' | undefined = integrity ? 'build' : undefined;

  root.classList.add('builder');
  root.innerHTML = `
    <h1>Embed builder</h1>
    <p class="lede">Paste or upload an analysis, choose what to show, and copy the code into your CMS.
      Everything happens in this page: nothing is uploaded, and it works offline.</p>

    <section aria-labelledby="${p}-h1" class="step">
      <h2 id="${p}-h1"><span class="step-number" aria-hidden="true">1</span> Your analysis</h2>
      <div class="drop" data-drop>
        <label for="${p}-json">Analysis JSON</label>
        <p class="hint" id="${p}-json-hint">Paste it here, choose a file, or drop a .json file onto this box.</p>
        <textarea id="${p}-json" data-json rows="10" spellcheck="false" autocomplete="off" aria-describedby="${p}-json-hint ${p}-status"></textarea>
        <div class="row">
          <span class="file">
            <label for="${p}-file">Upload a file</label>
            <input type="file" id="${p}-file" data-file accept=".json,application/json">
          </span>
          ${options.sample ? `<button type="button" data-sample>Use the sample analysis</button>` : ''}
        </div>
      </div>
      <p role="status" id="${p}-status" class="status" data-status>Paste an analysis to start.</p>
      <div data-problems hidden>
        <ul class="problems" data-problem-list aria-label="Problems"></ul>
        <button type="button" data-goto hidden>Go to the error in the text</button>
      </div>
    </section>

    <section aria-labelledby="${p}-h2" class="step">
      <h2 id="${p}-h2"><span class="step-number" aria-hidden="true">2</span> What to show</h2>
      <div class="fields">
        <div class="field">
          <label for="${p}-element">Element</label>
          <select id="${p}-element" data-element aria-describedby="${p}-element-help">
            ${Object.keys(ELEMENTS)
              .map((name) => `<option value="${name}">${name}</option>`)
              .join('')}
          </select>
          <p class="hint" id="${p}-element-help" data-element-help></p>
        </div>
        <div class="field" data-actor-field hidden>
          <label for="${p}-actor">Actor</label>
          <select id="${p}-actor" data-actor></select>
        </div>
        <div class="field">
          <label for="${p}-lang">Language of the labels</label>
          <select id="${p}-lang" data-lang>
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </div>
        <div class="field">
          <label for="${p}-theme">Theme</label>
          <select id="${p}-theme" data-theme-select aria-describedby="${p}-theme-help">
            <option value="light">Light</option>
            <option value="dark">Dark</option>
            <option value="auto">Auto (follows the reader’s setting)</option>
          </select>
          <p class="hint" id="${p}-theme-help">Choose the one that matches your site’s background.</p>
        </div>
      </div>
    </section>

    <section aria-labelledby="${p}-h3" class="step">
      <h2 id="${p}-h3"><span class="step-number" aria-hidden="true">3</span> Preview</h2>
      <div class="preview" data-preview data-preview-theme="light" role="region" tabindex="0" aria-labelledby="${p}-h3">
        <p class="empty" data-preview-empty>The preview appears here once the analysis is valid.</p>
      </div>
    </section>

    <section aria-labelledby="${p}-h4" class="step">
      <h2 id="${p}-h4"><span class="step-number" aria-hidden="true">4</span> Embed code</h2>
      <fieldset class="kinds">
        <legend>What your CMS accepts</legend>
        <label><input type="radio" name="${p}-kind" value="script" checked> Script tag</label>
        <label><input type="radio" name="${p}-kind" value="iframe"> iframe</label>
        <label><input type="radio" name="${p}-kind" value="static"> Static HTML</label>
      </fieldset>
      <p class="hint" data-kind-help></p>
      <div class="fields">
        <div class="field wide">
          <label for="${p}-url" data-url-label>Address of the JSON file (optional)</label>
          <input type="url" id="${p}-url" data-json-url inputmode="url" placeholder="https://example.com/analyses/mexico-us-deployment.json" aria-describedby="${p}-url-help">
          <p class="hint" id="${p}-url-help" data-url-help></p>
        </div>
        <div class="field wide" data-base-field hidden>
          <label for="${p}-base">Address of the folder with embed.html</label>
          <input type="url" id="${p}-base" data-embed-base inputmode="url" aria-describedby="${p}-base-help">
          <p class="hint" id="${p}-base-help" data-base-help></p>
        </div>
        <div class="field wide checks">
          <label data-interactive-field hidden><input type="checkbox" data-interactive checked> Make it interactive when the script loads</label>
          <label data-jsonld-field><input type="checkbox" data-jsonld> Add schema.org data (JSON-LD) for search engines</label>
        </div>
      </div>
      <div class="notes" data-notes></div>
      <label for="${p}-snippet" class="snippet-label">Code to paste</label>
      <textarea id="${p}-snippet" data-snippet readonly rows="10" spellcheck="false" aria-describedby="${p}-snippet-help"></textarea>
      <p class="hint" id="${p}-snippet-help">Select it all (Ctrl+A or ⌘A inside the box) and copy, or use the button.</p>
      <div class="row">
        <button type="button" data-copy disabled>Copy the code</button>
        <span role="status" class="copy-status" data-copy-status></span>
      </div>
      <details class="sri">
        <summary>About the integrity hash</summary>
        <p data-sri-text></p>
        <div class="row">
          <button type="button" data-sri-check>Check against the CDN</button>
          <span role="status" data-sri-status></span>
        </div>
      </details>
    </section>`;

  const $ = <T extends Element = HTMLElement>(selector: string): T => root.querySelector<T>(selector)!;
  const json = $<HTMLTextAreaElement>('[data-json]');
  const file = $<HTMLInputElement>('[data-file]');
  const drop = $('[data-drop]');
  const status = $('[data-status]');
  const problems = $('[data-problems]');
  const problemList = $('[data-problem-list]');
  const gotoButton = $<HTMLButtonElement>('[data-goto]');
  const elementSelect = $<HTMLSelectElement>('[data-element]');
  const elementHelp = $('[data-element-help]');
  const actorField = $('[data-actor-field]');
  const actorSelect = $<HTMLSelectElement>('[data-actor]');
  const langSelect = $<HTMLSelectElement>('[data-lang]');
  const themeSelect = $<HTMLSelectElement>('[data-theme-select]');
  const previewBox = $('[data-preview]');
  const previewEmpty = $('[data-preview-empty]');
  const kindHelp = $('[data-kind-help]');
  const urlInput = $<HTMLInputElement>('[data-json-url]');
  const urlLabel = $('[data-url-label]');
  const urlHelp = $('[data-url-help]');
  const baseField = $('[data-base-field]');
  const baseInput = $<HTMLInputElement>('[data-embed-base]');
  const baseHelp = $('[data-base-help]');
  const interactiveField = $('[data-interactive-field]');
  const interactive = $<HTMLInputElement>('[data-interactive]');
  const jsonLdField = $('[data-jsonld-field]');
  const jsonLd = $<HTMLInputElement>('[data-jsonld]');
  const notes = $('[data-notes]');
  const snippetArea = $<HTMLTextAreaElement>('[data-snippet]');
  const copyButton = $<HTMLButtonElement>('[data-copy]');
  const copyStatus = $('[data-copy-status]');
  const sriText = $('[data-sri-text]');
  const sriCheck = $<HTMLButtonElement>('[data-sri-check]');
  const sriStatus = $('[data-sri-status]');

  baseInput.value = options.embedBase ?? defaultEmbedBase();
  const pageTheme = document.documentElement.dataset.theme;
  if (pageTheme === 'dark' || pageTheme === 'auto') themeSelect.value = pageTheme;

  let analysis: Analysis | undefined;
  let preview: HTMLElement | undefined;
  let errorOffset: number | undefined;
  let generation = 0;
  let work: Promise<void> = Promise.resolve();
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let typingDone: (() => void) | undefined;
  const abort = new AbortController();
  const on = (target: EventTarget, type: string, listener: (event: Event) => void) =>
    target.addEventListener(type, listener, { signal: abort.signal });

  const kind = (): SnippetKind =>
    (root.querySelector<HTMLInputElement>(`input[name="${p}-kind"]:checked`)?.value ?? 'script') as SnippetKind;

  function showProblems(message: string, issues: readonly ValidationIssue[]) {
    status.textContent = message;
    status.classList.add('is-error');
    problemList.replaceChildren(
      ...issues.map(({ path, message: text }) => {
        const item = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = path || '(the document)';
        item.append(code, ` ${text}`);
        return item;
      }),
    );
    problems.hidden = false;
  }

  function clearPreview(why: string) {
    preview?.remove();
    preview = undefined;
    previewEmpty.textContent = why;
    previewEmpty.hidden = false;
  }

  /** Parses and validates the text; updates the status, problems and what can be shown. */
  function readText(text: string) {
    errorOffset = undefined;
    gotoButton.hidden = true;
    problems.hidden = true;
    problemList.replaceChildren();
    status.classList.remove('is-error', 'is-ok');
    analysis = undefined;
    if (text.trim() === '') {
      status.textContent = 'Paste an analysis to start.';
      clearPreview('The preview appears here once the analysis is valid.');
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      const found = findJsonProblem(text);
      const where = found ? `line ${found.line}, column ${found.column}: ${found.message}` : (cause as Error).message;
      showProblems(`This is not valid JSON. At ${where}.`, []);
      problemList.replaceChildren();
      if (found) {
        errorOffset = found.offset;
        gotoButton.hidden = false;
        const item = document.createElement('li');
        item.textContent = `Line ${found.line}, column ${found.column}: ${context(text, found.offset)}`;
        item.className = 'context';
        problemList.append(item);
      }
      clearPreview('No preview: the text is not valid JSON yet (see step 1).');
      return;
    }
    const result = validateAnalysis(value);
    if (!result.ok) {
      showProblems(
        `${result.error.message} Fix ${result.error.issues && result.error.issues.length > 1 ? 'them' : 'it'} to get the preview and the code.`,
        result.error.issues ?? [],
      );
      clearPreview('No preview: the analysis has problems (see step 1).');
      return;
    }
    analysis = result.analysis;
    status.classList.add('is-ok');
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    status.textContent = `Valid: “${analysis.question}” with ${count(analysis.actors.length, 'actor')}, ${count(analysis.stances.length, 'stance')}, ${count(analysis.statements.length, 'statement')} and ${count(analysis.sources.length, 'source')}.`;
    fillActors(analysis);
  }

  /** A short excerpt around the error, with a marker where it is. */
  function context(text: string, offset: number): string {
    const start = Math.max(0, offset - 30);
    const excerpt = `${start > 0 ? '…' : ''}${text.slice(start, offset)}⟦here⟧${text.slice(offset, offset + 30)}`;
    return excerpt.replace(/\s+/g, ' ');
  }

  function fillActors(doc: Analysis) {
    const previous = actorSelect.value;
    const withStance = new Map(doc.stances.map((stance) => [stance.actor, stance.position]));
    actorSelect.replaceChildren(
      ...doc.actors
        .filter((actor) => withStance.has(actor.id))
        .map((actor) => {
          const option = document.createElement('option');
          option.value = actor.id;
          option.textContent = `${actor.name} (${withStance.get(actor.id)})`;
          return option;
        }),
    );
    if ([...actorSelect.options].some((option) => option.value === previous)) actorSelect.value = previous;
  }

  function choice(): SnippetChoice | undefined {
    if (!analysis) return undefined;
    const url = urlInput.value.trim();
    return {
      analysis,
      element: elementSelect.value as ElementName,
      actor: actorSelect.value || undefined,
      lang: langSelect.value as Lang,
      theme: themeSelect.value as Theme,
      jsonUrl: url && isHttpUrl(url) ? url : undefined,
      embedBase: baseInput.value.trim(),
      version,
      integrity,
      jsonLd: jsonLd.checked,
    };
  }

  function updateFields() {
    const element = elementSelect.value as ElementName;
    elementHelp.textContent = ELEMENTS[element];
    actorField.hidden = element !== 'nw-stance-card';
    const current = kind();
    kindHelp.textContent = KIND_HELP[current];
    baseField.hidden = current !== 'iframe';
    interactiveField.hidden = current !== 'static';
    jsonLdField.hidden = current === 'iframe';
    urlLabel.textContent =
      current === 'iframe' ? 'Address of the JSON file (needed for an iframe)' : 'Address of the JSON file (optional)';
    urlHelp.textContent =
      current === 'iframe'
        ? 'An iframe is a separate page: it cannot read the analysis from your article, so it loads it from this address. Upload the JSON file, then paste its address here. If the file is on another site than embed.html, that site must allow it (CORS).'
        : 'Leave it empty to put the whole analysis inside the code. Give the address of the uploaded file instead to keep the code short and update the analysis without re-pasting.';
    const base = baseInput.value.trim();
    baseHelp.textContent = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(`${base}/`)
      ? 'This is an address on your own computer: readers cannot reach it. Put embed.html and embed/ on your site and give that folder’s address.'
      : 'Where your site serves embed.html and embed/resizer.js from the newsroom-widgets package.';
  }

  function updateSri() {
    if (integrity && integrityOrigin === 'build') {
      sriText.textContent = `The hash ${integrity} comes from this copy’s build (dist/cdn/integrity.json). It lets browsers refuse the file if the CDN ever serves different bytes. It matches the CDN only when this copy is the published ${version}: check it with the button (needs a connection).`;
    } else if (integrity) {
      sriText.textContent = `The hash ${integrity} was computed here from the file the CDN serves for ${version}.`;
    } else {
      sriText.textContent = `No integrity hash is known for ${version}: run npm run build in the newsroom-widgets folder (it writes dist/cdn/integrity.json) and reload this page, or get it from the CDN with the button (needs a connection). The code below works without it, but browsers cannot check the file.`;
    }
  }

  function setNotes(messages: string[]) {
    notes.replaceChildren(
      ...messages.map((message) => {
        const note = document.createElement('p');
        note.className = 'note';
        note.textContent = message;
        return note;
      }),
    );
  }

  function setSnippet(code: string) {
    snippetArea.value = code;
    copyButton.disabled = code === '';
    copyStatus.textContent = '';
  }

  /** Re-renders the preview (when `rebuild`) and the code; the latest call wins. */
  async function refresh(rebuild: boolean): Promise<void> {
    const ticket = ++generation;
    updateFields();
    updateSri();
    const current = choice();
    if (!current) {
      setSnippet('');
      setNotes([
        json.value.trim() === ''
          ? 'The code appears here once you give an analysis in step 1.'
          : 'Fix the problems in step 1 to get the code.',
      ]);
      return;
    }
    previewBox.dataset.previewTheme = current.theme;
    if (rebuild || !preview || preview.localName !== current.element) {
      preview?.remove();
      preview = document.createElement(current.element);
      previewEmpty.hidden = true;
      previewBox.append(preview);
    }
    if (current.element === 'nw-stance-card' && current.actor) preview.setAttribute('actor', current.actor);
    else preview.removeAttribute('actor');
    preview.setAttribute('lang', current.lang);
    preview.setAttribute('theme', current.theme);
    (preview as HTMLElement & { analysis?: Analysis }).analysis = current.analysis;

    const messages: string[] = [];
    const url = urlInput.value.trim();
    if (url && !isHttpUrl(url))
      messages.push(
        'The JSON address must be a full web address starting with https:// (or http://); it is ignored until then.',
      );
    const what = kind();
    if (what !== 'iframe' && !current.integrity)
      messages.push(`No integrity hash yet, so the code has none: see “About the integrity hash” below.`);
    if (what === 'iframe' && !current.jsonUrl) {
      messages.push('An iframe needs the address of the JSON file: upload the analysis and paste its address above.');
      setNotes(messages);
      setSnippet('');
      return;
    }
    if (what === 'iframe' && !isHttpUrl(current.embedBase)) {
      messages.push('Give the address of the folder that serves embed.html (https://…).');
      setNotes(messages);
      setSnippet('');
      return;
    }
    let code: string;
    if (what === 'script') code = scriptSnippet(current);
    else if (what === 'iframe') code = iframeSnippet(current) ?? '';
    else {
      setSnippet('');
      await whenRendered(preview);
      if (ticket !== generation || !preview) return;
      code = staticSnippet(current, preview, interactive.checked);
      if (preview.getAttribute('state') === 'error')
        messages.push('The preview shows an error, and so would this HTML.');
    }
    if (ticket !== generation) return;
    setNotes(messages);
    setSnippet(code);
  }

  const schedule = (rebuild: boolean) => {
    work = work
      .then(() => refresh(rebuild))
      .catch((error: unknown) => {
        setNotes([`Something went wrong building the code: ${String(error)}`]);
      });
    return work;
  };

  function take(text: string): Promise<void> {
    clearTimeout(typingTimer);
    typingDone?.();
    typingDone = undefined;
    readText(text);
    return schedule(true);
  }

  async function load(text: string): Promise<void> {
    json.value = text;
    await take(text);
  }

  async function loadFile(picked: File | undefined) {
    if (!picked) return;
    try {
      await load(await picked.text());
    } catch (error) {
      status.textContent = `Could not read ${picked.name}: ${String(error)}`;
      status.classList.add('is-error');
    }
  }

  on(json, 'input', () => {
    clearTimeout(typingTimer);
    // Long documents: wait for a pause in typing before parsing and validating again.
    const pending = new Promise<void>((resolve) => {
      typingDone?.();
      typingDone = resolve;
    });
    work = work.then(() => pending);
    typingTimer = setTimeout(() => {
      const done = typingDone;
      typingDone = undefined;
      readText(json.value);
      void schedule(true);
      done?.();
    }, 300);
  });
  on(file, 'change', () => void loadFile(file.files?.[0]));
  on(drop, 'dragover', (event) => {
    event.preventDefault();
    drop.classList.add('is-over');
  });
  on(drop, 'dragleave', () => drop.classList.remove('is-over'));
  on(drop, 'drop', (event) => {
    const transfer = (event as DragEvent).dataTransfer;
    drop.classList.remove('is-over');
    const dropped = transfer?.files[0];
    if (dropped) {
      event.preventDefault();
      void loadFile(dropped);
    }
    // Dropped text goes into the textarea as usual and fires `input`.
  });
  root
    .querySelector('[data-sample]')
    ?.addEventListener('click', () => void load(options.sample ?? ''), { signal: abort.signal });
  on(gotoButton, 'click', () => {
    if (errorOffset === undefined) return;
    json.focus();
    json.setSelectionRange(errorOffset, Math.min(errorOffset + 1, json.value.length));
  });
  for (const control of [elementSelect, actorSelect, langSelect, themeSelect])
    on(control, 'change', () => void schedule(false));
  for (const control of [urlInput, baseInput, interactive, jsonLd]) on(control, 'input', () => void schedule(false));
  for (const radio of root.querySelectorAll(`input[name="${p}-kind"]`)) on(radio, 'change', () => void schedule(false));

  on(copyButton, 'click', async () => {
    const code = snippetArea.value;
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code);
      copyStatus.textContent = 'Copied. Paste it into an HTML block in your CMS.';
    } catch {
      snippetArea.focus();
      snippetArea.select();
      copyStatus.textContent = 'This browser did not allow copying: the code is selected, press Ctrl+C (⌘C on a Mac).';
    }
  });

  on(sriCheck, 'click', async () => {
    sriStatus.textContent = 'Fetching the file from the CDN…';
    try {
      const response = await fetch(cdnUrl(version), { mode: 'cors', cache: 'no-store' });
      if (!response.ok)
        throw new Error(
          `the CDN answered ${response.status}${response.status === 404 ? ` (is ${version} published?)` : ''}`,
        );
      const hash = await sriHash(await response.arrayBuffer());
      if (integrity && hash === integrity) sriStatus.textContent = 'It matches the file on the CDN.';
      else {
        sriStatus.textContent = integrity
          ? `It does not match: the CDN’s file has ${hash}. The code now uses the CDN’s hash.`
          : `Got it from the CDN: ${hash}. The code now includes it.`;
        integrity = hash;
        integrityOrigin = 'cdn';
        void schedule(false);
      }
    } catch (error) {
      sriStatus.textContent = `Could not check: ${error instanceof Error ? error.message : String(error)}. You may be offline.`;
    }
  });

  updateFields();
  updateSri();
  setNotes(['The code appears here once you give an analysis in step 1.']);

  return {
    load,
    settled: async () => {
      // Wait until the queue stops growing (a change made while waiting joins it).
      let seen: Promise<void> | undefined;
      while (seen !== work) {
        seen = work;
        await seen;
      }
    },
    get analysis() {
      return analysis;
    },
    get preview() {
      return preview;
    },
    get snippet() {
      return snippetArea.value;
    },
    destroy() {
      abort.abort();
      clearTimeout(typingTimer);
      typingDone?.();
      root.replaceChildren();
    },
  };
}

/** Waits until the element and every element it renders have finished rendering. */
async function whenRendered(element: HTMLElement): Promise<void> {
  const widgets = (): (HTMLElement & { updateComplete?: Promise<unknown> })[] =>
    shadowRootsIn(element)
      .map((root) => root.host as HTMLElement)
      .filter((host) => host.localName.startsWith('nw-'));
  for (let attempt = 0; attempt < 200; attempt++) {
    const all = [element, ...widgets()] as (HTMLElement & { updateComplete?: Promise<unknown> })[];
    await Promise.all(all.map((widget) => widget.updateComplete));
    if (all.every((widget) => /^(ready|error)$/.test(widget.getAttribute('state') ?? ''))) {
      // Elements rendered by the ones that just finished: one more pass to see them.
      const again = [element, ...widgets()];
      if (again.length === all.length) return;
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
