/**
 * Step 1's other ways in and out, loaded only when used (builder-inputs.ts imports this on
 * demand, so the builder stays light): a workbook (.xlsx, .ods) or CSV files read into the
 * analysis JSON, problems listed at their cells; article text read into a draft; downloads of
 * the JSON, the empty template, and the current analysis as a workbook. All in the page:
 * nothing is uploaded, and the spreadsheet reader is part of the builder's own files.
 */
import { validateAnalysis } from '../src/schema/validate.js';
import { parseArticle } from '../src/sheet/article-text.js';
import { exportSheet, templateSheet } from '../src/sheet/export.js';
import type { Grid } from '../src/sheet/grid.js';
import { importSheet, problemLine } from '../src/sheet/import.js';
import { readCsv, readWorkbook, UnreadableSheet } from '../src/sheet/read.js';

export type SheetReading = { ok: true; json: string } | { ok: false; status: string; problems: string[] };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const isSheetFile = (file: File): boolean => /\.(xlsx|ods|csv)$/i.test(file.name);

/** A sheet named as its CSV file: "Workbook - Stances.csv" (Google Sheets) or "Stances.csv". */
function csvSheetName(fileName: string): string {
  const stem = fileName.replace(/\.csv$/i, '');
  return stem.includes(' - ') ? stem.slice(stem.lastIndexOf(' - ') + 3) : stem;
}

/** Reads the chosen or dropped files: one workbook, or one CSV file per sheet. */
export async function readSheetFiles(files: readonly File[]): Promise<SheetReading> {
  let grid: Grid;
  const names = files.map((file) => file.name).join(', ');
  try {
    const csv = files.filter((file) => /\.csv$/i.test(file.name));
    if (csv.length > 0) {
      grid = { sheets: [] };
      for (const file of csv) grid.sheets.push(...(await readCsv(csvSheetName(file.name), await file.text())).sheets);
    } else {
      grid = await readWorkbook(new Uint8Array(await files[0]!.arrayBuffer()));
    }
  } catch (cause) {
    if (cause instanceof UnreadableSheet) return { ok: false, status: `${names} ${cause.message}.`, problems: [] };
    return { ok: false, status: `Could not read ${names}: ${String(cause)}`, problems: [] };
  }
  const result = importSheet(grid);
  if (result.ok) return { ok: true, json: JSON.stringify(result.analysis, null, 2) };
  const count = result.problems.length;
  return {
    ok: false,
    status: `${names} has ${count === 1 ? '1 problem' : `${count} problems`}; fix ${count === 1 ? 'it' : 'them'} in the workbook and load it again.`,
    problems: result.problems.map(problemLine),
  };
}

/** Article text (question, Executive Summary, numbered sections) as a draft's JSON, or undefined. */
export function articleToJson(text: string): string | undefined {
  const result = parseArticle(text);
  return result.ok ? JSON.stringify(result.draft, null, 2) : undefined;
}

function save(bytes: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadTemplate = (language: 'en' | 'es'): void =>
  save(templateSheet(language), 'analysis-template.xlsx', XLSX_TYPE);

/** The text of step 1 as a workbook or as JSON; a sentence why not when it is not a valid analysis. */
export function downloadAnalysis(text: string, as: 'xlsx' | 'json', language: 'en' | 'es'): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'Load a valid analysis first: step 1 does not hold valid JSON.';
  }
  const result = validateAnalysis(value);
  if (!result.ok) return 'Load a valid analysis first: fix the problems listed in step 1.';
  const name = result.analysis.id;
  if (as === 'json') save(`${JSON.stringify(result.analysis, null, 2)}\n`, `${name}.json`, 'application/json');
  else save(exportSheet(result.analysis, language), `${name}.xlsx`, XLSX_TYPE);
  return undefined;
}
