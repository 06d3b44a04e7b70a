/**
 * `template`, `export-sheet` and `import-sheet`, run in-process: the editor's round trip
 * through a workbook, its .ods, CSV-folder and URL forms, and the one-line answers to files
 * that are not workbooks or that try something (a zip bomb, formulas).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/main.js';
import { zipArchive } from '../../src/publish/zip.js';
import { analysisToGrid } from '../../src/sheet/export.js';
import { captureIo, fromRoot, readText, SAMPLE } from './helpers.js';

const STACK_LINE = '    at ';
const dir = mkdtempSync(join(tmpdir(), 'nw-sheet-'));
const sample = () => JSON.parse(readText(SAMPLE));

async function run(...argv: string[]) {
  const capture = captureIo();
  const code = await main(argv, capture.io);
  assert.ok(!capture.all().includes(STACK_LINE), capture.all());
  return { code, ...capture };
}

/** The sample's workbook as SheetJS sees it, to save in other formats. */
function sampleBook(edit?: (sheets: Record<string, XLSX.WorkSheet>) => void): XLSX.WorkBook {
  const book = XLSX.utils.book_new();
  for (const sheet of analysisToGrid(sample()).sheets) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet.rows as string[][]), sheet.name);
  }
  edit?.(book.Sheets);
  return book;
}

function save(book: XLSX.WorkBook, path: string, bookType: XLSX.BookType = 'xlsx'): void {
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
}

describe('template, export-sheet, import-sheet', () => {
  it('exports the sample and imports it back to the same JSON', async () => {
    const xlsx = join(dir, 'sample.xlsx');
    const out = join(dir, 'sample.json');
    assert.equal((await run('export-sheet', SAMPLE, '--out', xlsx)).code, 0);
    const imported = await run('import-sheet', xlsx, '--out', out);
    assert.equal(imported.code, 0, imported.all());
    assert.deepEqual(imported.out, [`${xlsx}: wrote ${out}`]);
    assert.deepStrictEqual(JSON.parse(readFileSync(out, 'utf8')), sample());
  });

  it('writes the Spanish template, and import-sheet lists what it still needs at its cells', async () => {
    const xlsx = join(dir, 'plantilla.xlsx');
    const made = await run('template', '--out', xlsx, '--lang', 'es');
    assert.equal(made.code, 0, made.all());
    const { code, out } = await run('import-sheet', xlsx);
    assert.equal(code, 1);
    assert.ok(out.includes('  Análisis!B2: is required'), out.join('\n'));
    assert.ok(out.includes('  Análisis!B4: is required'), out.join('\n'));
  });

  it('reads an .ods workbook (LibreOffice) the same', async () => {
    const ods = join(dir, 'sample.ods');
    save(sampleBook(), ods, 'ods');
    const { code, out } = await run('import-sheet', ods);
    assert.equal(code, 0, out.join('\n'));
    assert.deepStrictEqual(JSON.parse(out.join('\n')), sample());
  });

  it('reads an .ods that LibreOffice saved from the exported workbook, printing nothing else', async () => {
    const ods = fromRoot('test/fixtures/sheet/sample-libreoffice.ods');
    const said: unknown[] = [];
    const saved = console.error;
    console.error = (...args: unknown[]) => void said.push(args);
    try {
      const { code, out, err } = await run('import-sheet', ods);
      assert.equal(code, 0, out.join('\n'));
      assert.deepEqual(err, []);
      assert.deepStrictEqual(JSON.parse(out.join('\n')), sample());
    } finally {
      console.error = saved;
    }
    assert.deepEqual(said, [], 'SheetJS printed nothing');
  });

  it('reads a folder of CSV files named as Google Sheets exports them', async () => {
    const folder = join(dir, 'csv');
    mkdirSync(folder);
    const book = sampleBook();
    for (const name of book.SheetNames) {
      writeFileSync(join(folder, `Mexico analysis - ${name}.csv`), XLSX.utils.sheet_to_csv(book.Sheets[name]!));
    }
    const { code, out } = await run('import-sheet', folder);
    assert.equal(code, 0, out.join('\n'));
    assert.deepStrictEqual(JSON.parse(out.join('\n')), sample());
  });

  it('reads an http(s) URL of an .xlsx export', async () => {
    const bytes = readFileSync(join(dir, 'sample.xlsx'));
    const server = createServer((request, response) => {
      if (request.url !== '/export?format=xlsx') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      response.end(bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await run('import-sheet', `${base}/export?format=xlsx`);
      assert.equal(ok.code, 0, ok.all());
      assert.deepStrictEqual(JSON.parse(ok.out.join('\n')), sample());
      const missing = await run('import-sheet', `${base}/nothing`);
      assert.equal(missing.code, 2);
      assert.deepEqual(missing.err, [`${base}/nothing: cannot fetch: HTTP 404`]);
    } finally {
      server.close();
    }
  });

  it('reports a stance actor missing from the Actors sheet at its cell, exit 1', async () => {
    const xlsx = join(dir, 'ghost.xlsx');
    save(
      sampleBook((sheets) => {
        sheets.Stances!.B4 = { t: 's', v: 'ghost' };
      }),
      xlsx,
    );
    const { code, out } = await run('import-sheet', xlsx);
    assert.equal(code, 1);
    assert.deepEqual(out, [`${xlsx}: 1 problem`, '  Stances!B4: actor "ghost" is not on the Actors sheet']);
  });

  it('refuses formulas and wrong types at their cells, and takes a spreadsheet date as its day', async () => {
    const xlsx = join(dir, 'formulas.xlsx');
    save(
      sampleBook((sheets) => {
        sheets.Stances!.D2 = { t: 's', v: 'cached headline', f: 'WEBSERVICE("http://127.0.0.1:9/x")' };
        sheets.Actors!.C2 = { t: 'b', v: true };
        sheets.Sources!.E2 = { t: 'n', v: 45765, z: 'yyyy-mm-dd' }; // 2025-04-18 as a date cell
      }),
      xlsx,
    );
    const { code, out } = await run('import-sheet', xlsx);
    assert.equal(code, 1);
    assert.deepEqual(
      out.slice(1).sort(),
      [
        '  Actors!C2: must be text, not TRUE',
        '  Actors!C2: is required',
        '  Stances!D2: is a formula; type the value itself (formulas are not read)',
        '  Stances!D2: is required',
      ].sort(),
    );
    assert.ok(!out.join('\n').includes('Sources!E2'), 'the date cell is read as 2025-04-18');
  });

  it('answers a zip bomb, a JSON file and a missing file with one line, exit 2', async () => {
    const huge = new Uint8Array(200 * 1024 * 1024);
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, zipArchive([{ name: 'xl/worksheets/sheet1.xml', data: huge, deflated: deflateRawSync(huge) }]));
    const refused = await run('import-sheet', bomb);
    assert.equal(refused.code, 2);
    assert.equal(refused.err.length, 1);
    assert.match(refused.err[0]!, /zip bomb/);

    const json = await run('import-sheet', SAMPLE);
    assert.deepEqual(json.err, [`${SAMPLE}: is not an .xlsx or .ods workbook`]);
    const none = await run('import-sheet', join(dir, 'nope.xlsx'));
    assert.deepEqual(none.err, [`${join(dir, 'nope.xlsx')}: no such file`]);
  });

  it('explains its options with --help and refuses a bad --lang', async () => {
    for (const command of ['template', 'export-sheet', 'import-sheet']) {
      const { code, out } = await run(command, '--help');
      assert.equal(code, 0);
      assert.match(out[0]!, new RegExp(`^usage: newsroom-widgets ${command}`));
    }
    const bad = await run('template', '--out', join(dir, 't.xlsx'), '--lang', 'fr');
    assert.equal(bad.code, 2);
    assert.match(bad.err[0]!, /^--lang must be one of en, es, not "fr"\n/);
  });
});
