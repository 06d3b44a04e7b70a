/**
 * The analysis workbook: export then import gives back the same analysis (the sample and
 * generated documents), problems are reported at their cells in the validator's words, and
 * hostile files get one clear line, never a crash.
 */
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EXIT_CHARS, validDocument } from './sheet-documents.js';
import { ACTOR_KINDS, type Analysis } from '../../src/schema/analysis.js';
import { validateAnalysis } from '../../src/schema/validate.js';
import { analysisToGrid, exportSheet, gridToXlsx, templateSheet } from '../../src/sheet/export.js';
import { importSheet, problemLine } from '../../src/sheet/import.js';
import { readCsv, readWorkbook } from '../../src/sheet/read.js';
import { zipArchive } from '../../src/publish/zip.js';
import { unzip } from '../unzip.js';
import { readText, SAMPLE } from './helpers.js';

const sample = (): Analysis => {
  const result = validateAnalysis(JSON.parse(readText(SAMPLE)));
  assert.ok(result.ok);
  return result.analysis;
};

async function roundTrip(analysis: Analysis, language: 'en' | 'es' = 'en') {
  return importSheet(await readWorkbook(exportSheet(analysis, language)));
}

export const GENERATED_RUNS = 150;

describe('workbook round trip', () => {
  it('gives back the sample exactly, headers in English or Spanish', async () => {
    for (const language of ['en', 'es'] as const) {
      const back = await roundTrip(sample(), language);
      assert.ok(back.ok, back.ok ? '' : back.problems.map(problemLine).join('\n'));
      assert.deepStrictEqual(back.analysis, sample());
    }
  });

  it(`gives back ${GENERATED_RUNS} generated analyses exactly (odd characters, labels, partial dates, formulas as text)`, async () => {
    await fc.assert(
      fc.asyncProperty(validDocument, fc.constantFrom('en' as const, 'es' as const), async (doc, language) => {
        const valid = validateAnalysis(structuredClone(doc));
        assert.ok(valid.ok, valid.ok ? '' : JSON.stringify(valid.error.issues));
        const back = await roundTrip(valid.analysis, language);
        assert.ok(back.ok, back.ok ? '' : back.problems.map(problemLine).join('\n'));
        assert.deepStrictEqual(back.analysis, valid.analysis);
      }),
      { numRuns: GENERATED_RUNS },
    );
    assert.ok(EXIT_CHARS.length > 0);
  });

  it('reads the same analysis from its sheets saved as CSV files', async () => {
    const grid = analysisToGrid(sample());
    const sheets = [];
    for (const sheet of grid.sheets) {
      const csv = sheet.rows
        .map((row) => row.map((cell) => `"${String(cell ?? '').replace(/"/g, '""')}"`).join(','))
        .join('\r\n');
      sheets.push(...(await readCsv(sheet.name, csv)).sheets);
    }
    const back = importSheet({ sheets });
    assert.ok(back.ok, back.ok ? '' : back.problems.map(problemLine).join('\n'));
    assert.deepStrictEqual(back.analysis, sample());
  });
});

describe('the template', () => {
  const sheetXml = async (bytes: Uint8Array, index: number) => {
    const entries = await unzip(bytes);
    const entry = entries.find((file) => file.name === `xl/worksheets/sheet${index}.xml`)!;
    return new TextDecoder().decode(entry.data);
  };

  it('has lists to pick from: closed sets, and the actor from the Actors sheet, in English and Spanish', async () => {
    const stances = await sheetXml(templateSheet('en'), 7);
    assert.match(
      stances,
      /<dataValidation type="list"[^>]*sqref="C2:C2001"><formula1>&quot;supports,opposes,mixed,neutral,unclear&quot;<\/formula1>/,
    );
    assert.match(stances, /sqref="B2:B2001"><formula1>'Actors'!\$A\$2:\$A\$2001<\/formula1>/);
    assert.match(stances, /sqref="I2:I2001"><formula1>&quot;low,medium,high&quot;/);
    const posturas = await sheetXml(templateSheet('es'), 7);
    assert.match(posturas, /<formula1>'Actores'!\$A\$2:\$A\$2001<\/formula1>/);
    assert.match(posturas, /<t xml:space="preserve">Posición<\/t>/);
    const sources = await sheetXml(templateSheet('en'), 9);
    assert.match(sources, /sqref="F2:F2001"><formula1>&quot;news,government,legal,academic,analysis,other&quot;/);
  });

  it("names its sheets in the editor's language, with a How to fill this in sheet last", async () => {
    const grid = await readWorkbook(templateSheet('es'));
    assert.deepEqual(
      grid.sheets.map((sheet) => sheet.name),
      [
        'Análisis',
        'Puntos clave',
        'Incógnitas',
        'Secciones',
        'Párrafos',
        'Actores',
        'Posturas',
        'Declaraciones',
        'Fuentes',
        'Cómo rellenarlo',
      ],
    );
  });
});

describe('problems at their cells', () => {
  const edited = (edit: (grid: ReturnType<typeof analysisToGrid>) => void) => {
    const grid = analysisToGrid(sample());
    edit(grid);
    return importSheet(grid);
  };
  const sheet = (grid: ReturnType<typeof analysisToGrid>, name: string) => grid.sheets.find((s) => s.name === name)!;

  it('names the cell of a stance whose actor is not on the Actors sheet', () => {
    const result = edited((grid) => {
      sheet(grid, 'Stances').rows[3]![1] = 'ghost';
    });
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.map(problemLine), ['Stances!B4: actor "ghost" is not on the Actors sheet']);
  });

  it('names the cell of a value outside a closed set, a bad date and a missing question', () => {
    const result = edited((grid) => {
      sheet(grid, 'Actors').rows[1]![2] = 'king';
      sheet(grid, 'Sources').rows[2]![4] = '2025-02-30';
      sheet(grid, 'Analysis').rows[3]![1] = '';
    });
    assert.ok(!result.ok);
    const lines = result.problems.map(problemLine);
    assert.ok(
      lines.includes(`Actors!C2: must be one of ${ACTOR_KINDS.map((k) => `"${k}"`).join(', ')}`),
      lines.join('\n'),
    );
    assert.ok(lines.includes('Sources!E3: is not a real calendar date'), lines.join('\n'));
    assert.ok(lines.includes('Analysis!B4: is required'), lines.join('\n'));
  });

  it('names the row a repeated id first appears on', () => {
    const result = edited((grid) => {
      const actors = sheet(grid, 'Actors').rows;
      actors[3]![0] = actors[1]![0]!;
    });
    assert.ok(!result.ok);
    const lines = result.problems.map(problemLine);
    assert.ok(lines.includes('Actors!A4: id "mexico-government" is already used by row Actors!2'), lines.join('\n'));
  });

  it('refuses a formula at its cell, never evaluating it', () => {
    const result = edited((grid) => {
      sheet(grid, 'Stances').rows[1]![3] = { formula: 'HYPERLINK("http://evil","x")' };
    });
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.map(problemLine), [
      'Stances!D2: is a formula; type the value itself (formulas are not read)',
      'Stances!D2: is required',
    ]);
  });

  it('takes a spreadsheet date as its day and keeps text dates partial', () => {
    const result = edited((grid) => {
      sheet(grid, 'Sources').rows[1]![4] = { date: '2025-04-18' };
      sheet(grid, 'Sources').rows[2]![4] = '2025-04';
      sheet(grid, 'Sources').rows[3]![0] = 3; // a label typed as a number
    });
    assert.ok(result.ok, result.ok ? '' : result.problems.map(problemLine).join('\n'));
    assert.equal(result.analysis.sources[0]!.date, '2025-04-18');
    assert.equal(result.analysis.sources[1]!.date, '2025-04');
    assert.equal(result.analysis.sources[2]!.id, '3');
  });

  it('says what the empty template is still missing', async () => {
    const result = importSheet(await readWorkbook(templateSheet('es')));
    assert.ok(!result.ok);
    const lines = result.problems.map(problemLine);
    assert.ok(
      lines.some((line) => /^'?Análisis'?!B2: is required$/.test(line)),
      lines.join('\n'),
    );
  });
});

describe('hostile files', () => {
  it('refuses a zip bomb before unpacking it', async () => {
    const huge = new Uint8Array(60 * 1024 * 1024); // zeros: deflate packs this about 1000:1
    const bomb = zipArchive([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: huge, deflated: deflateRawSync(huge) },
    ]);
    assert.ok(bomb.length < 1024 * 1024);
    await assert.rejects(readWorkbook(bomb), /zip bomb/);
  });

  it('refuses what is not a workbook, and a truncated one, with one line', async () => {
    await assert.rejects(readWorkbook(new TextEncoder().encode('{"json": true}')), /is not an .xlsx or .ods workbook/);
    const bytes = exportSheet(sample());
    await assert.rejects(readWorkbook(bytes.slice(0, bytes.length - 30)), /damaged|no zip directory|cannot be read/);
  });

  it('refuses an .ods that repeats one cell a billion times (900 bytes that would fill the memory)', async () => {
    const text = (value: string) => new TextEncoder().encode(value);
    const ns =
      'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:body><office:spreadsheet><table:table table:name="Actors"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const bomb = zipArchive([
      { name: 'mimetype', data: text('application/vnd.oasis.opendocument.spreadsheet') },
      { name: 'content.xml', data: text(content), deflated: deflateRawSync(text(content)) },
      { name: 'styles.xml', data: text(`<office:document-styles ${ns}/>`) },
    ]);
    await assert.rejects(readWorkbook(bomb), /repeats its cells more than 2,000,000 times; refused/);
  });

  it('reads an .xlsx sheet of 30,000 rows only up to the schema limit, and says the list is too long', async () => {
    const doc = analysisToGrid(sample());
    doc.sheets[1]!.rows = [['Key point'], ...Array.from({ length: 30_000 }, (_, i) => [`point ${i}`])];
    const grid = await readWorkbook(gridToXlsx(doc));
    assert.equal(grid.sheets[1]!.rows.length, 20_002);
    const result = importSheet(grid);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.map(problemLine), ["'Key points'!A2: has too many items: at most 50"]);
  });

  it('stops a huge sheet at the schema limit instead of reading it all', async () => {
    const rows = ['Key point', ...Array.from({ length: 30_000 }, (_, i) => `point ${i}`)];
    const grid = await readCsv('Key points', rows.join('\n'));
    assert.ok(grid.sheets[0]!.rows.length <= 20_002);
    const doc = analysisToGrid(sample());
    doc.sheets[1] = grid.sheets[0]!;
    const result = importSheet(doc);
    assert.ok(!result.ok);
    assert.ok(
      result.problems.some((p) => /has too many items: at most 50/.test(p.message)),
      result.problems.map(problemLine).join('\n'),
    );
  });
});
