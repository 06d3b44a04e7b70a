/**
 * A workbook grid read back into an analysis, validated by the schema's own validator, with
 * every problem moved from its JSON path to the cell it came from: `Stances!B4: actor "ghost"
 * is not on the Actors sheet`. Sheets and columns are found by their header in any of the
 * layout's languages, so an editor may reorder columns. Nothing is guessed: a cell is text as
 * typed, a spreadsheet date is its calendar day, and a formula is refused.
 */
import type { Analysis } from '../schema/analysis.js';
import { formatPath, validateAnalysis } from '../schema/validate.js';
import type { Cell, Grid, GridSheet } from './grid.js';
import { ANALYSIS_FIELDS, columnLetter, SHEET_LANGUAGES, SHEETS, type SheetKey, type SheetSpec } from './layout.js';

/** One problem, at its cell (`Stances!B4`), its row (`Stances!4`) or its sheet (`Stances`). */
export interface SheetProblem {
  cell: string;
  message: string;
}

export type SheetImport = { ok: true; analysis: Analysis } | { ok: false; problems: SheetProblem[] };

const normal = (text: string): string => text.trim().toLowerCase();

function sheetName(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A cell's text, or a problem: formulas are refused, numbers written as typed, dates as days. */
function cellText(cell: Cell): { text?: string; problem?: string } {
  if (cell === undefined || cell === '') return {};
  if (typeof cell === 'string') return { text: cell };
  if (typeof cell === 'number') return { text: Number.isFinite(cell) ? String(cell) : undefined };
  if (typeof cell === 'boolean') return { problem: `must be text, not ${cell ? 'TRUE' : 'FALSE'}` };
  if ('formula' in cell) return { problem: 'is a formula; type the value itself (formulas are not read)' };
  return { text: cell.date };
}

const REFERENCE_WORDS: Record<string, string> = {
  'in the actors list': 'on the Actors sheet',
  'in the sources list': 'on the Sources sheet',
};

export function importSheet(grid: Grid): SheetImport {
  const problems: SheetProblem[] = [];
  /** JSON path → cell, for the validator's problems. */
  const at = new Map<string, string>();

  const find = (spec: SheetSpec): GridSheet | undefined => {
    const names = new Set(SHEET_LANGUAGES.map((language) => normal(spec.name[language])));
    return grid.sheets.find((sheet) => names.has(normal(sheet.name)));
  };

  /** The sheet's data rows as field → text, each with its row number; problems at their cells. */
  const table = (key: SheetKey): { row: number; values: Record<string, string>; cells: Record<string, string> }[] => {
    const spec = SHEETS.find((sheet) => sheet.key === key)!;
    const sheet = find(spec);
    if (!sheet) return [];
    const name = sheetName(sheet.name);
    const header = sheet.rows[0] ?? [];
    const columnOf = new Map<string, number>();
    header.forEach((cell, index) => {
      if (typeof cell !== 'string') return;
      const column = spec.columns.find((candidate) =>
        SHEET_LANGUAGES.some((language) => normal(candidate.header[language]) === normal(cell)),
      );
      if (column && !columnOf.has(column.key)) columnOf.set(column.key, index);
    });
    for (const column of spec.columns) {
      if (!columnOf.has(column.key) && spec.key !== 'analysis') {
        problems.push({ cell: `${name}!1`, message: `has no "${column.header.en}" column` });
      }
    }
    const out: { row: number; values: Record<string, string>; cells: Record<string, string> }[] = [];
    sheet.rows.slice(1).forEach((cells, index) => {
      const row = index + 2;
      const values: Record<string, string> = {};
      const refs: Record<string, string> = { rowRef: `${name}!${row}` };
      for (const [keyName, columnIndex] of columnOf) {
        const ref = `${name}!${columnLetter(columnIndex)}${row}`;
        refs[keyName] = ref;
        const { text, problem } = cellText(cells[columnIndex]);
        if (problem) problems.push({ cell: ref, message: problem });
        else if (text !== undefined && text !== '') values[keyName] = text;
      }
      // Cells outside the known columns that hold something: say so rather than drop them.
      cells.forEach((cell, columnIndex) => {
        if (cell === undefined || cell === '' || [...columnOf.values()].includes(columnIndex)) return;
        problems.push({
          cell: `${name}!${columnLetter(columnIndex)}${row}`,
          message: 'is not under a known column header',
        });
      });
      if (Object.keys(values).length > 0) out.push({ row, values, cells: refs });
    });
    return out;
  };

  const doc: Record<string, unknown> = { schemaVersion: 1 };
  const mark = (path: (string | number)[], cell: string | undefined) => {
    if (cell) at.set(formatPath(path), cell);
  };

  // The analysis's own fields: field name in column A (either language), value in column B.
  const analysisSpec = SHEETS.find((sheet) => sheet.key === 'analysis')!;
  const analysisSheet = find(analysisSpec);
  if (!analysisSheet) problems.push({ cell: analysisSpec.name.en, message: 'sheet is missing' });
  else {
    const name = sheetName(analysisSheet.name);
    analysisSheet.rows.slice(1).forEach((cells, index) => {
      const row = index + 2;
      const label = cellText(cells[0]).text;
      const { text, problem } = cellText(cells[1]);
      if (label === undefined) return;
      const field = ANALYSIS_FIELDS.find(
        (candidate) =>
          SHEET_LANGUAGES.some((language) => normal(candidate.header[language]) === normal(label)) ||
          candidate.key === label,
      );
      if (!field) {
        problems.push({ cell: `${name}!A${row}`, message: `"${label}" is not a field of the analysis` });
        return;
      }
      const ref = `${name}!B${row}`;
      mark(field.key.split('.'), ref);
      if (problem) return void problems.push({ cell: ref, message: problem });
      if (text === undefined) return;
      const [head, tail] = field.key.split('.') as [string, string | undefined];
      if (tail) {
        const inner = (doc[head] ??= {}) as Record<string, string>;
        inner[tail] = text;
        mark([head, tail], ref);
        mark([head], ref);
      } else {
        doc[head] = text;
        mark([head], ref);
      }
    });
    at.set('', `${name}`);
  }

  const texts = (key: 'keyPoints' | 'unknowns') => {
    const rows = table(key);
    if (rows.length === 0) return;
    mark([key], rows[0]!.cells.text);
    doc[key] = rows.map(({ values, cells }, i) => {
      mark([key, i], cells.text);
      return values.text ?? '';
    });
  };
  texts('keyPoints');
  texts('unknowns');

  const labels = (text: string | undefined): string[] =>
    text === undefined
      ? []
      : text
          .split(/[,;]/)
          .map((part) => part.trim().replace(/^\[(.*)\]$/, '$1'))
          .filter(Boolean);

  const quote = (values: Record<string, string>) => {
    if (
      values['quote.text'] === undefined &&
      values['quote.speaker'] === undefined &&
      values['quote.date'] === undefined
    )
      return undefined;
    const out: Record<string, string> = {};
    if (values['quote.text'] !== undefined) out.text = values['quote.text'];
    if (values['quote.speaker'] !== undefined) out.speaker = values['quote.speaker'];
    if (values['quote.date'] !== undefined) out.date = values['quote.date'];
    return out;
  };

  /** Rows of a table into objects: plain fields, the quote, the labels list. */
  const items = (key: SheetKey, collection: string, plain: string[], extra?: { quote?: boolean; sources?: boolean }) =>
    table(key).map(({ values, cells }, i) => {
      // A problem with the whole list (too many rows) is shown at its first row.
      if (i === 0) mark([collection], cells.rowRef);
      const item: Record<string, unknown> = {};
      mark([collection, i], cells.rowRef);
      for (const field of plain) {
        if (values[field] !== undefined) item[field] = values[field];
        mark([collection, i, field], cells[field]);
      }
      if (extra?.quote) {
        const q = quote(values);
        if (q) item.quote = q;
        mark([collection, i, 'quote'], cells['quote.text']);
        for (const part of ['text', 'speaker', 'date']) mark([collection, i, 'quote', part], cells[`quote.${part}`]);
      }
      if (extra?.sources) {
        item.sources = labels(values.sources);
        mark([collection, i, 'sources'], cells.sources);
        (item.sources as string[]).forEach((_, j) => mark([collection, i, 'sources', j], cells.sources));
      }
      return item;
    });

  // Sections, and their paragraphs from the Paragraphs sheet in the order written.
  const sections = items('sections', 'sections', ['id', 'title']);
  const paragraphRows = table('paragraphs');
  const sectionIndex = new Map<string, number>();
  sections.forEach((section, i) => {
    section.paragraphs = [];
    if (typeof section.id === 'string' && !sectionIndex.has(section.id)) sectionIndex.set(section.id, i);
    mark(['sections', i, 'paragraphs'], at.get(formatPath(['sections', i])));
  });
  for (const { values, cells } of paragraphRows) {
    const i = values.section === undefined ? undefined : sectionIndex.get(values.section);
    if (i === undefined) {
      problems.push({
        cell: cells.section ?? cells.rowRef ?? 'Paragraphs',
        message:
          values.section === undefined
            ? 'a paragraph needs its section id'
            : `section "${values.section}" is not on the Sections sheet`,
      });
      continue;
    }
    const list = sections[i]!.paragraphs as string[];
    mark(['sections', i, 'paragraphs', list.length], cells.text);
    list.push(values.text ?? '');
  }
  doc.sections = sections;
  doc.actors = items('actors', 'actors', ['id', 'name', 'kind', 'country', 'description']);
  doc.stances = items('stances', 'stances', ['id', 'actor', 'position', 'headline', 'summary', 'confidence'], {
    quote: true,
    sources: true,
  });
  doc.statements = items('statements', 'statements', ['id', 'actor', 'date', 'text', 'kind'], {
    quote: true,
    sources: true,
  });
  doc.sources = items('sources', 'sources', ['id', 'title', 'publisher', 'url', 'date', 'type']);

  const result = validateAnalysis(doc);
  if (result.ok && problems.length === 0) return { ok: true, analysis: result.analysis };
  for (const issue of result.ok ? [] : (result.error.issues ?? [])) {
    problems.push({ cell: locate(at, issue.path), message: sheetWords(issue.message, at) });
  }
  return { ok: false, problems };
}

/** The cell of a JSON path, or of the nearest thing above it that has one. */
function locate(at: Map<string, string>, path: string): string {
  let current = path;
  for (;;) {
    const found = at.get(current);
    if (found) return found;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) return at.get('') ?? 'Analysis';
    current = current.slice(0, cut);
  }
}

function sheetWords(message: string, at: Map<string, string>): string {
  let out = message;
  for (const [from, to] of Object.entries(REFERENCE_WORDS)) out = out.replace(from, to);
  // "is already used by stances[0]": the validator's path, as the editor's row ("Stances!2").
  return out.replace(
    /\b(sections|actors|stances|statements|sources)\[(\d+)\]/g,
    (path) => `row ${at.get(path) ?? path}`,
  );
}

/** A problem as the CLI prints it. */
export const problemLine = (problem: SheetProblem): string => `${problem.cell}: ${problem.message}`;
