/**
 * The embed builder's page parts (from builder-template.ts), read as a form and updated from
 * readings, field views and code: every DOM write of the builder but the preview's.
 */
import type { Theme } from '../src/internal/standalone-elements.js';
import { DEFAULT_KIND, type BuilderForm, type FieldsView, type KindField } from './builder-outputs.js';
import { stanceActors, type Reading } from './builder-read.js';
import type { ElementName, Lang, SnippetKind } from './builder-snippets.js';

export type BuilderView = ReturnType<typeof viewOf>;

export function viewOf(root: HTMLElement, p: string) {
  const $ = <T extends Element = HTMLElement>(selector: string): T => root.querySelector<T>(selector)!;
  const view = {
    json: $<HTMLTextAreaElement>('[data-json]'),
    file: $<HTMLInputElement>('[data-file]'),
    drop: $('[data-drop]'),
    sample: root.querySelector<HTMLButtonElement>('[data-sample]'),
    status: $('[data-status]'),
    problems: $('[data-problems]'),
    problemList: $('[data-problem-list]'),
    goto: $<HTMLButtonElement>('[data-goto]'),
    element: $<HTMLSelectElement>('[data-element]'),
    elementHelp: $('[data-element-help]'),
    actorField: $('[data-actor-field]'),
    actor: $<HTMLSelectElement>('[data-actor]'),
    lang: $<HTMLSelectElement>('[data-lang]'),
    theme: $<HTMLSelectElement>('[data-theme-select]'),
    preview: { box: $('[data-preview]'), empty: $('[data-preview-empty]') },
    kinds: [...root.querySelectorAll<HTMLInputElement>(`input[name="${p}-kind"]`)],
    kindHelp: $('[data-kind-help]'),
    wordpressHelp: $('[data-wordpress-help]'),
    url: $<HTMLInputElement>('[data-json-url]'),
    urlLabel: $('[data-url-label]'),
    urlHelp: $('[data-url-help]'),
    base: $<HTMLInputElement>('[data-base]'),
    baseHelp: $('[data-base-help]'),
    siteBase: $<HTMLInputElement>('[data-site-base]'),
    siteBaseHelp: $('[data-site-base-help]'),
    download: $<HTMLButtonElement>('[data-download]'),
    downloadStatus: $('[data-download-status]'),
    downloadAgain: $('[data-download-again]'),
    downloadLink: $<HTMLAnchorElement>('[data-download-link]'),
    interactive: $<HTMLInputElement>('[data-interactive]'),
    jsonLd: $<HTMLInputElement>('[data-jsonld]'),
    /** What each kind-dependent field hides (its field box or its label). */
    kindFields: {
      siteBase: $('[data-site-base-field]'),
      download: $('[data-download-field]'),
      base: $('[data-base-field]'),
      jsonUrl: $('[data-url-field]'),
      interactive: $('[data-interactive-field]'),
      jsonLd: $('[data-jsonld-field]'),
    } satisfies Record<KindField, HTMLElement>,
    notes: $('[data-notes]'),
    snippet: $<HTMLTextAreaElement>('[data-snippet]'),
    copy: $<HTMLButtonElement>('[data-copy]'),
    copyStatus: $('[data-copy-status]'),
    sri: $('[data-sri]'),
    sriText: $('[data-sri-text]'),
    sriCheck: $<HTMLButtonElement>('[data-sri-check]'),
    sriStatus: $('[data-sri-status]'),
  };
  return {
    ...view,
    /** The controls of steps 2 and 4: a change there updates the preview and the code in place. */
    options: [
      view.element,
      view.actor,
      view.lang,
      view.theme,
      ...view.kinds,
      view.url,
      view.base,
      view.siteBase,
      view.interactive,
      view.jsonLd,
    ],
  };
}

export function readForm(view: BuilderView): BuilderForm {
  return {
    element: view.element.value as ElementName,
    actor: view.actor.value,
    lang: view.lang.value as Lang,
    theme: view.theme.value as Theme,
    kind: (view.kinds.find((radio) => radio.checked)?.value ?? DEFAULT_KIND) as SnippetKind,
    jsonUrl: view.url.value.trim(),
    base: view.base.value.trim(),
    siteBase: view.siteBase.value.trim(),
    interactive: view.interactive.checked,
    jsonLd: view.jsonLd.checked,
  };
}

/** Step 1's status and problems for a reading; for a valid analysis, the actors to choose from. */
export function showReading(view: BuilderView, reading: Reading): void {
  const failed = reading.state === 'not-json' || reading.state === 'invalid';
  view.status.textContent = reading.status;
  view.status.classList.toggle('is-error', failed);
  view.status.classList.toggle('is-ok', reading.state === 'valid');
  view.problems.hidden = !failed;
  view.goto.hidden = !(reading.state === 'not-json' && reading.problem);
  view.problemList.replaceChildren(...problemItems(reading));
  if (reading.state === 'valid') showActors(view, stanceActors(reading.analysis));
}

function problemItems(reading: Reading): HTMLLIElement[] {
  if (reading.state === 'invalid')
    return reading.issues.map(({ path, message }) => {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = path || '(the document)';
      item.append(code, ` ${message}`);
      return item;
    });
  if (reading.state === 'not-json' && reading.problem) {
    const { line, column, excerpt } = reading.problem;
    const item = document.createElement('li');
    item.textContent = `Line ${line}, column ${column}: ${excerpt}`;
    item.className = 'context';
    return [item];
  }
  return [];
}

/** The actor options, keeping the one chosen when it is still there. */
function showActors(view: BuilderView, actors: { id: string; label: string }[]): void {
  const previous = view.actor.value;
  view.actor.replaceChildren(
    ...actors.map(({ id, label }) => {
      const option = document.createElement('option');
      option.value = id;
      option.textContent = label;
      return option;
    }),
  );
  if (actors.some(({ id }) => id === previous)) view.actor.value = previous;
}

/** Step 1's status when a file cannot be read (the reading before it stays). */
export function showReadError(view: BuilderView, message: string): void {
  view.status.textContent = message;
  view.status.classList.add('is-error');
}

export function showFields(view: BuilderView, fields: FieldsView): void {
  view.elementHelp.textContent = fields.elementHelp;
  view.actorField.hidden = !fields.actor;
  view.kindHelp.textContent = fields.kindHelp;
  view.wordpressHelp.textContent = fields.wordpressHelp;
  for (const [name, field] of Object.entries(view.kindFields)) field.hidden = !fields.shown.includes(name as KindField);
  view.urlLabel.textContent = fields.urlLabel;
  view.urlHelp.textContent = fields.urlHelp;
  view.baseHelp.textContent = fields.baseHelp;
  view.siteBaseHelp.textContent = fields.siteBaseHelp;
  view.sri.hidden = !fields.integrity;
}

export function showNotes(view: BuilderView, notes: readonly string[]): void {
  view.notes.replaceChildren(
    ...notes.map((text) => {
      const note = document.createElement('p');
      note.className = 'note';
      note.textContent = text;
      return note;
    }),
  );
}

export function showSnippet(view: BuilderView, code: string): void {
  view.snippet.value = code;
  view.copy.disabled = code === '';
  view.copyStatus.textContent = '';
}

/** Copies the code, or selects it for Ctrl+C where the browser does not allow copying. */
export async function copySnippet(view: BuilderView): Promise<void> {
  const code = view.snippet.value;
  if (!code) return;
  try {
    await navigator.clipboard.writeText(code);
    view.copyStatus.textContent = 'Copied. Paste it into an HTML block in your CMS.';
  } catch {
    view.snippet.focus();
    view.snippet.select();
    view.copyStatus.textContent =
      'This browser did not allow copying: the code is selected, press Ctrl+C (⌘C on a Mac).';
  }
}
