/**
 * The embed builder's step 1 with a workbook, CSV sheets or the article's text instead of
 * JSON, problems listed at their cells, and the downloads: the template, the analysis as a
 * workbook, the JSON. Everything in the page, with the builder's own files (no network).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { mountBuilder, type Builder } from '../../demo/builder.js';
import { analysisToGrid, exportSheet, gridToXlsx } from '../../src/sheet/export.js';
import { importSheet } from '../../src/sheet/import.js';
import { readWorkbook } from '../../src/sheet/read.js';
import type { Analysis } from '../../src/schema/analysis.js';
import { sample } from './helpers.js';

let root: HTMLElement;
let builder: Builder;

function mount() {
  root = document.createElement('main');
  document.body.append(root);
  builder = mountBuilder(root, {});
}

afterEach(() => {
  builder?.destroy();
  root?.remove();
});

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => root.querySelector<T>(selector)!;
const status = () => $('[data-status]').textContent!.replace(/\s+/g, ' ').trim();
const problems = () => [...root.querySelectorAll('[data-problem-list] li')].map((li) => li.textContent!.trim());

function drop(...files: File[]) {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  $('[data-drop]').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
}

/** Clicks a download button and returns the blob it saved. */
async function downloaded(selector: string): Promise<{ blob: Blob; name: string }> {
  const original = URL.createObjectURL;
  let blob: Blob | undefined;
  let name = '';
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return 'blob:test';
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    $(selector).click();
    await waitUntil(() => blob !== undefined, `${selector} saved nothing`);
  } finally {
    URL.createObjectURL = original;
    HTMLAnchorElement.prototype.click = click;
  }
  return { blob: blob!, name };
}

describe('embed builder: workbooks and article text in step 1', () => {
  it('a dropped .xlsx workbook becomes the analysis, previewed', async () => {
    mount();
    const analysis = await sample();
    drop(new File([exportSheet(analysis) as BlobPart], 'analysis.xlsx'));
    await waitUntil(() => builder.analysis !== undefined, 'the workbook was not loaded', { timeout: 10_000 });
    await builder.settled();
    expect(builder.analysis).to.deep.equal(analysis);
    expect(builder.preview?.localName).to.equal('nw-analysis');
  });

  it('a workbook with a stance actor missing from the Actors sheet lists the problem at its cell', async () => {
    mount();
    const grid = analysisToGrid(await sample());
    grid.sheets.find((sheet) => sheet.name === 'Stances')!.rows[3]![1] = 'ghost';
    drop(new File([gridToXlsx(grid) as BlobPart], 'ghost.xlsx'));
    await waitUntil(() => problems().length > 0, 'no problems listed', { timeout: 10_000 });
    expect(problems()).to.deep.equal(['Stances!B4: actor "ghost" is not on the Actors sheet']);
    expect(status()).to.equal('ghost.xlsx has 1 problem; fix it in the workbook and load it again.');
    expect(builder.analysis).to.equal(undefined);
  });

  it('the CSV files of the sheets, dropped together, become the analysis', async () => {
    mount();
    const analysis = await sample();
    const files = analysisToGrid(analysis).sheets.map(
      (sheet) =>
        new File(
          [
            sheet.rows
              .map((row) => row.map((cell) => `"${String(cell ?? '').replace(/"/g, '""')}"`).join(','))
              .join('\n'),
          ],
          `Analysis - ${sheet.name}.csv`,
        ),
    );
    drop(...files);
    await waitUntil(() => builder.analysis !== undefined, 'the CSV files were not loaded', { timeout: 10_000 });
    expect(builder.analysis).to.deep.equal(analysis);
  });

  it('pasted article text becomes a draft: its question and sections, and what is still missing', async () => {
    mount();
    const text = await (await fetch('/test/fixtures/article/seed.txt')).text();
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    $('[data-json]').dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
    await waitUntil(() => $<HTMLTextAreaElement>('[data-json]').value.startsWith('{'), 'the text was not read');
    const draft = JSON.parse($<HTMLTextAreaElement>('[data-json]').value) as Analysis;
    expect(draft.question).to.equal((await sample()).question);
    expect(draft.sections.map((section) => section.title)).to.deep.equal((await sample()).sections.map((s) => s.title));
    await waitUntil(() => problems().length > 0, 'no problems listed');
    expect(problems()).to.include('sources[0].title is required');
  });

  it('downloads the template, the analysis as a workbook that reads back the same, and the JSON', async () => {
    mount();
    const analysis = await sample();
    await builder.load(JSON.stringify(analysis));
    const template = await downloaded('[data-download-template]');
    expect(template.name).to.equal('analysis-template.xlsx');
    const empty = importSheet(await readWorkbook(new Uint8Array(await template.blob.arrayBuffer())));
    expect(empty.ok).to.equal(false);

    const workbook = await downloaded('[data-download-workbook]');
    expect(workbook.name).to.equal('mexico-us-deployment.xlsx');
    const back = importSheet(await readWorkbook(new Uint8Array(await workbook.blob.arrayBuffer())));
    expect(back.ok && back.analysis).to.deep.equal(analysis);

    const json = await downloaded('[data-download-json]');
    expect(JSON.parse(await json.blob.text())).to.deep.equal(analysis);
  });
});
