/**
 * The embed builder's ways to give step 1 its text besides typing: a chosen file, a dropped
 * file, the sample button. Each ends in `load(text)`, as if the text had been pasted; another
 * way in (an import from another format) is one more listener here.
 */
import type { BuilderView } from './builder-view.js';

/** Adds a listener that is removed when the builder is destroyed (builder.ts has the one). */
export type Listen = (target: EventTarget, type: string, listener: (event: Event) => void) => void;

export interface InputWiring {
  /** Puts the text in step 1 and reads it at once. */
  load(text: string): Promise<void>;
  /** Says that a file could not be read. */
  fail(message: string): void;
  sample: string | undefined;
  /** Listens until the builder is destroyed. */
  on: Listen;
}

/** Workbooks, CSV sheets and article text are read by builder-sheet.ts, loaded on first use. */
const sheetModule = () => import('./builder-sheet.js');
const SHEET_FILE = /\.(xlsx|ods|csv)$/i;
/** Article text, not JSON: a line that is an "Executive Summary" heading. */
const ARTICLE = /^\s*(executive summary|resumen ejecutivo)\s*$/im;

function showSheetProblems(view: BuilderView, problems: readonly string[]): void {
  const box = view.problemList.parentElement;
  view.problemList.replaceChildren(
    ...problems.map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }),
  );
  if (box) box.hidden = problems.length === 0;
}

export function wireInputs(view: BuilderView, { load, fail, sample, on }: InputWiring): void {
  async function loadText(text: string) {
    if (!text.trimStart().startsWith('{') && ARTICLE.test(text)) {
      const json = (await sheetModule()).articleToJson(text);
      if (json !== undefined) return load(json);
    }
    return load(text);
  }

  async function loadFiles(picked: readonly File[]) {
    if (picked.length === 0) return;
    try {
      if (picked.some((file) => SHEET_FILE.test(file.name))) {
        const reading = await (await sheetModule()).readSheetFiles(picked);
        if (reading.ok) return await load(reading.json);
        fail(reading.status);
        showSheetProblems(view, reading.problems);
        return;
      }
      await loadText(await picked[0]!.text());
    } catch (error) {
      fail(`Could not read ${picked[0]!.name}: ${String(error)}`);
    }
  }

  on(view.file, 'change', () => void loadFiles([...(view.file.files ?? [])]));
  on(view.json, 'paste', (event) => {
    const text = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    if (view.json.value.trim() !== '' || text.trimStart().startsWith('{') || !ARTICLE.test(text)) return;
    event.preventDefault();
    void loadText(text);
  });

  const section = view.drop.closest('section') ?? view.drop;
  const language = (): 'en' | 'es' =>
    section.ownerDocument.querySelector<HTMLSelectElement>('[data-lang]')?.value === 'es' ? 'es' : 'en';
  const button = (name: string) => section.querySelector<HTMLButtonElement>(`[data-${name}]`);
  const onButton = (name: string, act: (module: Awaited<ReturnType<typeof sheetModule>>) => string | undefined) => {
    const target = button(name);
    if (target)
      on(target, 'click', async () => {
        const problem = act(await sheetModule());
        if (problem) fail(problem);
      });
  };
  onButton('download-template', (module) => void module.downloadTemplate(language()));
  onButton('download-workbook', (module) => module.downloadAnalysis(view.json.value, 'xlsx', language()));
  onButton('download-json', (module) => module.downloadAnalysis(view.json.value, 'json', language()));
  on(view.drop, 'dragover', (event) => {
    event.preventDefault();
    view.drop.classList.add('is-over');
  });
  on(view.drop, 'dragleave', () => view.drop.classList.remove('is-over'));
  on(view.drop, 'drop', (event) => {
    const transfer = (event as DragEvent).dataTransfer;
    view.drop.classList.remove('is-over');
    const dropped = [...(transfer?.files ?? [])];
    if (dropped.length > 0) {
      event.preventDefault();
      void loadFiles(dropped);
    }
    // Dropped text goes into the textarea as usual and fires `input`.
  });
  // The page has the button only when there is a sample (builder-template.ts).
  if (view.sample && sample !== undefined) on(view.sample, 'click', () => void load(sample));
}
