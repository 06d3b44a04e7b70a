/**
 * Workbook bytes (.xlsx, .ods) or CSV text into a {@link Grid}, with SheetJS (`@e965/xlsx`,
 * the SheetJS 0.20.3 release republished on npm; the npm `xlsx` 0.18.5 carries advisories).
 * Loaded by the CLI and the builder only, on demand: never by the elements.
 *
 * Hostile files are stopped before SheetJS sees them: the zip's own directory is read first
 * and an archive that would unpack to more than {@link MAX_UNPACKED} bytes (a zip bomb) or
 * holds too many files is refused; a sheet is read up to {@link MAX_ROWS} rows and columns
 * past {@link MAX_COLUMNS} are refused. Formulas are kept as formulas, to be refused cell by
 * cell, never evaluated (SheetJS evaluates nothing).
 */
import type { Cell, Grid } from './grid.js';
import { LIMITS } from '../schema/analysis.js';

/** A problem with the file itself, not its cells: one line for the editor. */
export class UnreadableSheet extends Error {}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_UNPACKED = 100 * 1024 * 1024;
const MAX_ENTRIES = 1_000;
/** Rows read from a sheet: the longest list the schema allows, its header, and one more to say "too many". */
export const MAX_ROWS = LIMITS.statements + 2;
export const MAX_COLUMNS = 50;

interface ZipFile {
  name: string;
  method: number;
  packed: number;
  at: number;
}

/** The sizes a zip's central directory declares; throws for a bomb or a broken archive. */
export function checkZip(bytes: Uint8Array): ZipFile[] {
  const files: ZipFile[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new UnreadableSheet('is not a spreadsheet file (no zip directory)');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  if (count > MAX_ENTRIES) throw new UnreadableSheet(`holds ${count} files; a workbook has a few dozen at most`);
  if (at + size > bytes.length) throw new UnreadableSheet('is damaged (its zip directory points past the end)');
  let unpacked = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw new UnreadableSheet('is damaged (a broken zip directory)');
    const packed = view.getUint32(at + 20, true);
    const full = view.getUint32(at + 24, true);
    if (full === 0xffffffff || packed === 0xffffffff) throw new UnreadableSheet('is too large (a zip64 archive)');
    unpacked += full;
    if (unpacked > MAX_UNPACKED)
      throw new UnreadableSheet(`would unpack to more than ${MAX_UNPACKED / 1024 / 1024} MB (a zip bomb?); refused`);
    // A ratio no spreadsheet reaches: XML compresses about 10:1, a bomb 1000:1.
    if (full > 1024 * 1024 && full / Math.max(packed, 1) > 200)
      throw new UnreadableSheet('is compressed 200 times or more (a zip bomb?); refused');
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    files.push({ name, method: view.getUint16(at + 10, true), packed, at: view.getUint32(at + 42, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return files;
}

/** One file of the archive, unpacked (stored or deflated). */
async function unpack(bytes: Uint8Array, file: ZipFile): Promise<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = file.at + 30 + view.getUint16(file.at + 26, true) + view.getUint16(file.at + 28, true);
  const body = bytes.subarray(start, start + file.packed);
  if (file.method === 0) return new TextDecoder().decode(body);
  if (file.method !== 8)
    throw new UnreadableSheet(`is packed in a way spreadsheets do not use (method ${file.method})`);
  try {
    const stream = new Blob([body as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(stream).text();
  } catch {
    throw new UnreadableSheet('is damaged (a file inside it cannot be unpacked)');
  }
}

/** Cells an .ods may hold, counting its repeats: a few bytes can say "this cell, a billion times". */
const MAX_ODS_CELLS = 2_000_000;

/**
 * An .ods repeats rows and cells by number (`number-rows-repeated`); LibreOffice writes empty
 * ones that way to the sheet's edge, which cost nothing. Cells with content repeated past
 * {@link MAX_ODS_CELLS} in all would be expanded by SheetJS until memory runs out: refused.
 */
export function checkOdsRepeats(content: string): void {
  let cells = 0;
  const repeat = (attributes: string, name: string) =>
    Number(new RegExp(`${name}="(\\d+)"`).exec(attributes)?.[1] ?? 1);
  for (const row of content.matchAll(/<table:table-row\b([^>]*?)(\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const rows = repeat(row[1]!, 'table:number-rows-repeated');
    for (const cell of (row[3] ?? '').matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(\/?)>/g)) {
      // An empty cell (<table:table-cell/> with no value) is not expanded into anything.
      if (cell[2] === '/' && !/office:value/.test(cell[1]!)) continue;
      cells += rows * repeat(cell[1]!, 'table:number-columns-repeated');
      if (cells > MAX_ODS_CELLS)
        throw new UnreadableSheet(`repeats its cells more than ${MAX_ODS_CELLS.toLocaleString('en')} times; refused`);
    }
  }
}

type SheetJS = typeof import('@e965/xlsx');
let sheetjs: Promise<SheetJS> | undefined;
const load = (): Promise<SheetJS> => (sheetjs ??= import('@e965/xlsx'));

/**
 * Runs SheetJS's (synchronous) read with its console notes silenced: it prints things like
 * "ODS number format may be incorrect" for every LibreOffice file, which would read as errors.
 */
function quietly<T>(read: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const nothing = () => {};
  Object.assign(console, { error: nothing, warn: nothing, log: nothing });
  try {
    return read();
  } finally {
    Object.assign(console, saved);
  }
}

const DATE_ONLY = (code: { y: number; m: number; d: number }) =>
  `${String(code.y).padStart(4, '0')}-${String(code.m).padStart(2, '0')}-${String(code.d).padStart(2, '0')}`;

/** Reads workbook bytes (zip: .xlsx or .ods) or CSV text of one sheet. */
export async function readWorkbook(bytes: Uint8Array): Promise<Grid> {
  if (bytes.length > MAX_FILE_BYTES)
    throw new UnreadableSheet(
      `is ${Math.round(bytes.length / 1024 / 1024)} MB; at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    );
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) throw new UnreadableSheet('is not an .xlsx or .ods workbook');
  const files = checkZip(bytes);
  const content = files.find((file) => file.name === 'content.xml');
  if (content) checkOdsRepeats(await unpack(bytes, content));
  const XLSX = await load();
  let book: import('@e965/xlsx').WorkBook;
  try {
    book = quietly(() =>
      XLSX.read(bytes, {
        type: 'array',
        cellFormula: true,
        cellDates: false,
        cellNF: true,
        cellHTML: false,
        sheetRows: MAX_ROWS,
        dense: true,
      }),
    );
  } catch (cause) {
    throw new UnreadableSheet(
      `cannot be read as a workbook (${cause instanceof Error ? cause.message : String(cause)})`,
    );
  }
  return toGrid(XLSX, book);
}

/** One CSV file's text as the rows of a sheet named `name`. */
export async function readCsv(name: string, text: string): Promise<Grid> {
  if (text.length > MAX_FILE_BYTES) throw new UnreadableSheet(`is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const XLSX = await load();
  // raw: every field stays the text it is ("3", "2025-04", "=1+1"): CSV has no types to read.
  const book = quietly(() =>
    XLSX.read(text.replace(/^\uFEFF/, ''), { type: 'string', raw: true, sheetRows: MAX_ROWS, dense: true }),
  );
  const grid = toGrid(XLSX, book);
  for (const sheet of grid.sheets) sheet.name = name;
  return grid;
}

function toGrid(XLSX: SheetJS, book: import('@e965/xlsx').WorkBook): Grid {
  return {
    sheets: book.SheetNames.map((name) => {
      const sheet = book.Sheets[name]!;
      const dense = (sheet['!data'] ?? []) as (import('@e965/xlsx').CellObject | undefined)[][];
      const ref = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : undefined;
      if (ref && ref.e.c + 1 > MAX_COLUMNS)
        throw new UnreadableSheet(`sheet "${name}" has ${ref.e.c + 1} columns; at most ${MAX_COLUMNS}`);
      const rows: Cell[][] = [];
      for (let r = 0; r < dense.length; r++) {
        const row = dense[r] ?? [];
        rows.push(
          Array.from({ length: row.length }, (_, c): Cell => {
            const cell = row[c];
            if (!cell) return undefined;
            if (cell.f !== undefined) return { formula: cell.f };
            if (cell.t === 's') return String(cell.v ?? '');
            if (cell.t === 'b') return Boolean(cell.v);
            if (cell.t === 'd' && cell.v instanceof Date) return { date: cell.v.toISOString().slice(0, 10) };
            if (cell.t === 'n' && typeof cell.v === 'number') {
              if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
                const code = XLSX.SSF.parse_date_code(cell.v);
                if (code) return { date: DATE_ONLY(code) };
              }
              return cell.v;
            }
            if (cell.t === 'e') return { formula: String(cell.w ?? '#ERROR') };
            return undefined;
          }),
        );
      }
      return { name, rows };
    }),
  };
}
