/**
 * The workbook commands, for editors who write an analysis in a spreadsheet:
 *
 *   template --out analysis.xlsx [--lang es]         the empty workbook to fill in
 *   export-sheet <analysis.json> --out analysis.xlsx [--lang es]
 *   import-sheet <analysis.xlsx|.ods|csv-folder|url> [--out analysis.json]
 *
 * Exit codes as `validate`: 0 done, 1 the workbook has problems (one line each, at its cell:
 * `Stances!B4: actor "ghost" is not on the Actors sheet`), 2 usage or an unreadable file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_FETCH_TIMEOUT_MS } from '../internal/data/shared-fetch.js';
import { plural } from '../internal/i18n/plural.js';
import { parseAnalysis } from '../schema/validate.js';
import type { Analysis } from '../schema/analysis.js';
import { analysisToGrid, exportSheet, gridToXlsx, templateSheet } from '../sheet/export.js';
import type { Grid } from '../sheet/grid.js';
import { importSheet, problemLine } from '../sheet/import.js';
import { SHEET_LANGUAGES, type SheetLanguage } from '../sheet/layout.js';
import { MAX_FILE_BYTES, readCsv, readWorkbook, UnreadableSheet } from '../sheet/read.js';
import { readArgs } from './args.js';
import { readOrReport, writeOrReport } from './command-files.js';
import { EXIT, reportProblems, type CommandIo } from './validate-command.js';

export const TEMPLATE_USAGE = 'usage: newsroom-widgets template --out analysis.xlsx [--lang en|es]';
export const EXPORT_USAGE = 'usage: newsroom-widgets export-sheet <analysis.json> --out analysis.xlsx [--lang en|es]';
export const IMPORT_SHEET_USAGE =
  'usage: newsroom-widgets import-sheet <analysis.xlsx | analysis.ods | folder of .csv | https://…xlsx> [--out analysis.json]';

const LANG_HELP = '  --lang en|es  the language of the sheet names and column headers (default: en)';

function language(value: string | undefined): SheetLanguage | { usage: string } {
  if (value === undefined) return 'en';
  return (SHEET_LANGUAGES as readonly string[]).includes(value)
    ? (value as SheetLanguage)
    : { usage: `--lang must be one of ${SHEET_LANGUAGES.join(', ')}, not "${value}"` };
}

export async function templateCommand(args: string[], io: CommandIo): Promise<number> {
  let values: { out?: string; lang?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { out: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (cause) {
    io.err(`${(cause as Error).message.split('\n')[0]}\n${TEMPLATE_USAGE}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.out(
      `${TEMPLATE_USAGE}\n\nWrites the empty analysis workbook: one sheet per part of the analysis, a\n"How to fill this in" sheet, and lists to pick from.\n\n  --out file    the .xlsx to write\n${LANG_HELP}`,
    );
    return EXIT.ok;
  }
  const lang = language(values.lang);
  if (typeof lang !== 'string') return usage(io, lang.usage, TEMPLATE_USAGE);
  if (!values.out) return usage(io, 'give the file to write with --out', TEMPLATE_USAGE);
  if (!(await writeOrReport(values.out, templateSheet(lang), io.err))) return EXIT.usage;
  io.out(`wrote the template to ${values.out}`);
  return EXIT.ok;
}

function usage(io: CommandIo, problem: string, line: string): number {
  io.err(`${problem}\n${line}`);
  return EXIT.usage;
}

export async function exportSheetCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = readArgs(args, { values: ['out', 'lang'], target: { what: 'analysis file or URL', verb: 'export' } });
  if (parsed === 'help') {
    io.out(
      `${EXPORT_USAGE}\n\nWrites an analysis into the workbook, to edit in a spreadsheet and read back with\nimport-sheet.\n\n  --out file    the .xlsx to write\n${LANG_HELP}`,
    );
    return EXIT.ok;
  }
  if ('usage' in parsed) return usage(io, parsed.usage, EXPORT_USAGE);
  const lang = language(parsed.values.lang);
  if (typeof lang !== 'string') return usage(io, lang.usage, EXPORT_USAGE);
  const { out } = parsed.values;
  if (!out) return usage(io, 'give the file to write with --out', EXPORT_USAGE);
  const text = await readOrReport(parsed.target, io.err);
  if (text === undefined) return EXIT.usage;
  const result = parseAnalysis(text);
  if (!result.ok) {
    if (result.error.code === 'json') {
      io.err(`${parsed.target}: ${result.error.message}`);
      return EXIT.usage;
    }
    reportProblems(parsed.target, result.error, io.err);
    return EXIT.invalid;
  }
  if (!(await writeOrReport(out, exportSheet(result.analysis, lang), io.err))) return EXIT.usage;
  io.out(`${parsed.target}: wrote ${out}`);
  return EXIT.ok;
}

/** A folder's CSV files as sheets, each named as Excel or Google Sheets names its export. */
async function readCsvFolder(folder: string): Promise<Grid> {
  const names = (await readdir(folder)).filter((name) => extname(name).toLowerCase() === '.csv').sort();
  if (names.length === 0) throw new UnreadableSheet('holds no .csv files');
  const sheets: Grid['sheets'] = [];
  for (const name of names) {
    const path = join(folder, name);
    if ((await stat(path)).size > MAX_FILE_BYTES) throw new UnreadableSheet(`${name} is larger than 20 MB`);
    // Google Sheets: "Workbook - Sheet.csv"; Excel and LibreOffice: "Sheet.csv".
    const stem = basename(name, extname(name));
    const sheetName = stem.includes(' - ') ? stem.slice(stem.lastIndexOf(' - ') + 3) : stem;
    sheets.push(...(await readCsv(sheetName, await readFile(path, 'utf8'))).sheets);
  }
  return { sheets };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DEFAULT_FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (cause) {
    const reason =
      cause instanceof Error && cause.name === 'TimeoutError'
        ? `timed out after ${DEFAULT_FETCH_TIMEOUT_MS / 1000} s`
        : 'could not connect';
    throw new UnreadableSheet(`cannot fetch: ${reason}`);
  }
  if (!response.ok) throw new UnreadableSheet(`cannot fetch: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_FILE_BYTES) throw new UnreadableSheet(`is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  // Read no more than the limit, whatever the server declared.
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > MAX_FILE_BYTES) {
      await reader?.cancel();
      throw new UnreadableSheet(`is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** A workbook from a file, a folder of CSV files or a URL. */
export async function readSheetTarget(target: string): Promise<Grid> {
  if (/^https?:\/\//i.test(target)) return readWorkbook(await fetchBytes(target));
  let info;
  try {
    info = await stat(target);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new UnreadableSheet(code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable'));
  }
  if (info.isDirectory()) return readCsvFolder(target);
  if (info.size > MAX_FILE_BYTES) throw new UnreadableSheet(`is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  if (extname(target).toLowerCase() === '.csv') {
    return readCsv(basename(target, extname(target)), await readFile(target, 'utf8'));
  }
  return readWorkbook(new Uint8Array(await readFile(target)));
}

export async function importSheetCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = readArgs(args, { values: ['out'], target: { what: 'workbook, CSV folder or URL', verb: 'import' } });
  if (parsed === 'help') {
    io.out(
      `${IMPORT_SHEET_USAGE}\n\nReads an analysis workbook (.xlsx, .ods, a folder of .csv files one per sheet as\nExcel or Google Sheets save them, or an http(s) URL of an .xlsx export such as a Google\nSheet's …/export?format=xlsx) and checks it. Every problem is printed at its cell;\nexit 1 when there are any.\n\n  --out file   write the analysis JSON to this file instead of printing it`,
    );
    return EXIT.ok;
  }
  if ('usage' in parsed) return usage(io, parsed.usage, IMPORT_SHEET_USAGE);
  const { target } = parsed;
  let grid: Grid;
  try {
    grid = await readSheetTarget(target);
  } catch (cause) {
    if (!(cause instanceof UnreadableSheet)) throw cause;
    io.err(`${target}: ${cause.message}`);
    return EXIT.usage;
  }
  const result = importSheet(grid);
  if (!result.ok) {
    io.out(`${target}: ${plural('en', result.problems.length, { one: '# problem', other: '# problems' })}`);
    for (const problem of result.problems) io.out(`  ${problemLine(problem)}`);
    return EXIT.invalid;
  }
  const json = JSON.stringify(result.analysis, null, 2);
  const { out } = parsed.values;
  if (out === undefined) {
    io.out(json);
    return EXIT.ok;
  }
  if (!(await writeOrReport(out, `${json}\n`, io.err))) return EXIT.usage;
  io.out(`${target}: wrote ${out}`);
  return EXIT.ok;
}

export const IMPORT_TEXT_USAGE =
  'usage: newsroom-widgets import-text <article.txt> [--out draft.xlsx | draft.json] [--lang en|es]';

export async function importTextCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = readArgs(args, { values: ['out', 'lang'], target: { what: 'article text file', verb: 'import' } });
  if (parsed === 'help') {
    io.out(
      `${IMPORT_TEXT_USAGE}\n\nReads an article written as: its question, an "Executive Summary" heading and the\nsummary, numbered section headings ("1. Title") and their paragraphs, [n] markers.\nLines above the question are dropped. Writes a draft: a workbook (.xlsx, default) or\nJSON, with the text unchanged and a Sources row for every cited label; actors, stances\nand statements are left for the editor. Then: import-sheet draft.xlsx says what is missing.\n\n  --out file   draft.xlsx or draft.json (default: the JSON on stdout)\n${LANG_HELP}; also the draft's language`,
    );
    return EXIT.ok;
  }
  if ('usage' in parsed) return usage(io, parsed.usage, IMPORT_TEXT_USAGE);
  const lang = language(parsed.values.lang);
  if (typeof lang !== 'string') return usage(io, lang.usage, IMPORT_TEXT_USAGE);
  const text = await readOrReport(parsed.target, io.err);
  if (text === undefined) return EXIT.usage;
  const { parseArticle } = await import('../sheet/article-text.js');
  // The article is in the language its sheets are asked for.
  const result = parseArticle(text, lang);
  if (!result.ok) {
    io.err(`${parsed.target}: ${result.message}`);
    return EXIT.usage;
  }
  const { draft } = result;
  const { out } = parsed.values;
  const json = JSON.stringify(draft, null, 2);
  if (out === undefined) {
    io.out(json);
    return EXIT.ok;
  }
  const bytes = /\.json$/i.test(out) ? `${json}\n` : gridToXlsx(analysisToGrid(draft as Analysis, lang), lang);
  if (!(await writeOrReport(out, bytes, io.err))) return EXIT.usage;
  const counts = [
    plural('en', draft.sections.length, { one: '# section', other: '# sections' }),
    plural('en', draft.sources.length, { one: '# cited source', other: '# cited sources' }),
  ];
  io.out(
    `${parsed.target}: wrote ${out} (${counts.join(', ')}); fill in the sources, actors and stances, then import-sheet`,
  );
  return EXIT.ok;
}
