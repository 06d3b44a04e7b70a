/**
 * An analysis as a workbook grid (`analysisToGrid`) and as .xlsx bytes (`exportSheet`,
 * `templateSheet`). The .xlsx is written here by hand (SpreadsheetML in a zip from
 * src/publish/zip.ts): every cell is text, so labels like `3`, dates like `2025-04` and text
 * like `=1+1` come back exactly as written; the closed sets and the actor references get data
 * validation lists. No Node or DOM API: the CLI and the builder write the same bytes.
 */
import type { Analysis } from '../schema/analysis.js';
import { zipArchive } from '../publish/zip.js';
import type { Grid, GridSheet } from './grid.js';
import {
  ANALYSIS_FIELDS,
  columnLetter,
  HELP_SHEET,
  SHEETS,
  type Column,
  type SheetKey,
  type SheetLanguage,
} from './layout.js';

type Row = Record<string, string | undefined>;

const labels = (ids: readonly string[]): string => ids.join(', ');

function quoteCells(quote: Analysis['stances'][number]['quote']): Row {
  return { 'quote.text': quote?.text, 'quote.speaker': quote?.speaker, 'quote.date': quote?.date };
}

/** Each sheet's rows as field → text, in the layout's order. */
function rowsOf(analysis: Analysis | undefined, language: SheetLanguage): Record<SheetKey, Row[]> {
  const a = analysis;
  const own: Record<string, string | undefined> = {
    id: a?.id,
    language: a?.language,
    question: a?.question,
    summary: a?.summary,
    'publisher.name': a?.publisher?.name,
    'publisher.url': a?.publisher?.url,
    published: a?.published,
    updated: a?.updated,
  };
  return {
    analysis: ANALYSIS_FIELDS.map((field) => ({ field: field.header[language], value: own[field.key] })),
    keyPoints: (a?.keyPoints ?? []).map((text) => ({ text })),
    unknowns: (a?.unknowns ?? []).map((text) => ({ text })),
    sections: (a?.sections ?? []).map(({ id, title }) => ({ id, title })),
    paragraphs: (a?.sections ?? []).flatMap(({ id, paragraphs }) => paragraphs.map((text) => ({ section: id, text }))),
    actors: (a?.actors ?? []).map((actor) => ({ ...actor })),
    stances: (a?.stances ?? []).map((stance) => ({
      id: stance.id,
      actor: stance.actor,
      position: stance.position,
      headline: stance.headline,
      summary: stance.summary,
      ...quoteCells(stance.quote),
      confidence: stance.confidence,
      sources: labels(stance.sources),
    })),
    statements: (a?.statements ?? []).map((statement) => ({
      id: statement.id,
      actor: statement.actor,
      date: statement.date,
      text: statement.text,
      ...quoteCells(statement.quote),
      kind: statement.kind,
      sources: labels(statement.sources),
    })),
    sources: (a?.sources ?? []).map((source) => ({ ...source })),
  };
}

/** The workbook of `analysis` (or the empty template) as rows of text, headers first. */
export function analysisToGrid(analysis: Analysis | undefined, language: SheetLanguage = 'en'): Grid {
  const rows = rowsOf(analysis, language);
  const sheets: GridSheet[] = SHEETS.map((spec) => ({
    name: spec.name[language],
    rows: [
      spec.columns.map((column) => column.header[language]),
      ...rows[spec.key].map((row) => spec.columns.map((column) => row[column.key] ?? '')),
    ],
  }));
  const help = HELP_SHEET[language];
  sheets.push({ name: help.name, rows: help.lines.map((line) => [line]) });
  return { sheets };
}

// ---- SpreadsheetML ---------------------------------------------------------------------------

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Rows a data validation list covers below the header: enough for any analysis. */
const VALIDATED_ROWS = 2_000;

// Characters XML 1.0 cannot hold, a carriage return (XML reads \r\n as \n), and `_xHHHH_` itself, are written as Excel's `_xHHHH_`
// escapes, which readers (Excel, LibreOffice, SheetJS) turn back into the character.
const ESCAPE =
  // oxlint-disable-next-line no-control-regex -- these control characters are exactly what is escaped
  /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlText(value: string): string {
  return value
    .replace(ESCAPE, (match) =>
      match.startsWith('_x')
        ? `_x005F_${match.slice(1)}`
        : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function validations(columns: readonly Column[], language: SheetLanguage): string {
  const rules = columns.flatMap((column, index) => {
    const letter = columnLetter(index);
    const range = `${letter}2:${letter}${VALIDATED_ROWS + 1}`;
    let formula: string | undefined;
    if (column.list) formula = `"${column.list.join(',')}"`;
    else if (column.ref) {
      const target = SHEETS.find((sheet) => sheet.key === column.ref)!;
      formula = `${quotedSheet(target.name[language])}!$A$2:$A$${VALIDATED_ROWS + 1}`;
    }
    if (!formula) return [];
    // A reference list only suggests (an id typed before its actor row exists is not refused
    // mid-typing); import-sheet reports one that names no actor. A closed set refuses.
    const strict = column.list
      ? ' showErrorMessage="1" errorStyle="stop"'
      : ' showErrorMessage="1" errorStyle="warning"';
    return [
      `<dataValidation type="list" allowBlank="1"${strict} sqref="${range}"><formula1>${xmlText(formula)}</formula1></dataValidation>`,
    ];
  });
  return rules.length ? `<dataValidations count="${rules.length}">${rules.join('')}</dataValidations>` : '';
}

function sheetXml(sheet: GridSheet, columns: readonly Column[] | undefined, language: SheetLanguage): string {
  const cols = columns
    ? `<cols>${columns.map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.width ?? 24}" customWidth="1"/>`).join('')}</cols>`
    : '<cols><col min="1" max="1" width="110" customWidth="1"/></cols>';
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          if (cell === undefined || cell === '') return '';
          const text = String(cell);
          const style = r === 0 ? ' s="1"' : ' s="2"';
          return `<c r="${columnLetter(c)}${r + 1}" t="inlineStr"${style}><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const frozen = columns
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '';
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${frozen}${cols}<sheetData>${rows}</sheetData>${columns ? validations(columns, language) : ''}</worksheet>`;
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The .xlsx bytes of a grid; `columns` gives each sheet's widths and validation lists. */
export function gridToXlsx(grid: Grid, language: SheetLanguage = 'en'): Uint8Array {
  const encoder = new TextEncoder();
  const sheetFiles = grid.sheets.map((sheet, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: encoder.encode(
      sheetXml(sheet, SHEETS[i]?.name[language] === sheet.name ? SHEETS[i]!.columns : undefined, language),
    ),
  }));
  const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetFiles.map((file) => `<Override PartName="/${file.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`;
  const rootRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${grid.sheets.map((sheet, i) => `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const workbookRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${grid.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${grid.sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  return zipArchive([
    { name: '[Content_Types].xml', data: encoder.encode(contentTypes) },
    { name: '_rels/.rels', data: encoder.encode(rootRels) },
    { name: 'xl/workbook.xml', data: encoder.encode(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: encoder.encode(workbookRels) },
    { name: 'xl/styles.xml', data: encoder.encode(STYLES) },
    ...sheetFiles,
  ]);
}

/** An analysis as .xlsx bytes, headers in `language`. */
export function exportSheet(analysis: Analysis, language: SheetLanguage = 'en'): Uint8Array {
  return gridToXlsx(analysisToGrid(analysis, language), language);
}

/** The empty workbook to fill in. */
export function templateSheet(language: SheetLanguage = 'en'): Uint8Array {
  return gridToXlsx(analysisToGrid(undefined, language), language);
}
