/**
 * The analysis workbook: one sheet per part of the schema, its columns, and their headers in
 * the editor's language. `export.ts` writes it, `import.ts` reads it back; both follow this
 * table, so a column added here is written and read the same way.
 *
 * Node and the builder only: nothing the elements import reaches this folder.
 */
import { ACTOR_KINDS, CONFIDENCE_LEVELS, POSITIONS, SOURCE_TYPES, STATEMENT_KINDS } from '../schema/analysis.js';

export type SheetLanguage = 'en' | 'es';
export const SHEET_LANGUAGES: readonly SheetLanguage[] = ['en', 'es'];

/** A column: its key (the field it fills), its header in each language, what it may hold. */
export interface Column {
  key: string;
  header: Record<SheetLanguage, string>;
  /** A closed set: written as a data validation list. */
  list?: readonly string[];
  /** A reference: a data validation list of the ids on that sheet. */
  ref?: SheetKey;
  /** A list of citation labels, written `1, 3`. */
  labels?: boolean;
  width?: number;
}

export type SheetKey =
  'analysis' | 'keyPoints' | 'unknowns' | 'sections' | 'paragraphs' | 'actors' | 'stances' | 'statements' | 'sources';

export interface SheetSpec {
  key: SheetKey;
  name: Record<SheetLanguage, string>;
  columns: Column[];
}

const col = (key: string, en: string, es: string, extra: Partial<Column> = {}): Column => ({
  key,
  header: { en, es },
  width: 24,
  ...extra,
});

const QUOTE = [
  col('quote.text', 'Quote', 'Cita', { width: 40 }),
  col('quote.speaker', 'Quote speaker', 'Quién lo dijo'),
  col('quote.date', 'Quote date', 'Fecha de la cita', { width: 14 }),
];

/** The analysis's own fields, one per row (field in A, value in B). */
export const ANALYSIS_FIELDS: Column[] = [
  col('id', 'Id', 'Id'),
  col('language', 'Language', 'Idioma'),
  col('question', 'Question', 'Pregunta'),
  col('summary', 'Summary', 'Resumen'),
  col('publisher.name', 'Publisher', 'Medio'),
  col('publisher.url', 'Publisher URL', 'URL del medio'),
  col('published', 'Published', 'Publicado'),
  col('updated', 'Updated', 'Actualizado'),
];

export const SHEETS: SheetSpec[] = [
  {
    key: 'analysis',
    name: { en: 'Analysis', es: 'Análisis' },
    columns: [col('field', 'Field', 'Campo', { width: 18 }), col('value', 'Value', 'Valor', { width: 90 })],
  },
  {
    key: 'keyPoints',
    name: { en: 'Key points', es: 'Puntos clave' },
    columns: [col('text', 'Key point', 'Punto clave', { width: 100 })],
  },
  {
    key: 'unknowns',
    name: { en: 'Unknowns', es: 'Incógnitas' },
    columns: [col('text', 'Unknown', 'Incógnita', { width: 100 })],
  },
  {
    key: 'sections',
    name: { en: 'Sections', es: 'Secciones' },
    columns: [col('id', 'Id', 'Id'), col('title', 'Title', 'Título', { width: 60 })],
  },
  {
    key: 'paragraphs',
    name: { en: 'Paragraphs', es: 'Párrafos' },
    columns: [
      col('section', 'Section', 'Sección', { ref: 'sections' }),
      col('text', 'Paragraph', 'Párrafo', { width: 100 }),
    ],
  },
  {
    key: 'actors',
    name: { en: 'Actors', es: 'Actores' },
    columns: [
      col('id', 'Id', 'Id'),
      col('name', 'Name', 'Nombre', { width: 30 }),
      col('kind', 'Kind', 'Tipo', { list: ACTOR_KINDS, width: 14 }),
      col('country', 'Country', 'País', { width: 14 }),
      col('description', 'Description', 'Descripción', { width: 50 }),
    ],
  },
  {
    key: 'stances',
    name: { en: 'Stances', es: 'Posturas' },
    columns: [
      col('id', 'Id', 'Id'),
      col('actor', 'Actor', 'Actor', { ref: 'actors' }),
      col('position', 'Position', 'Posición', { list: POSITIONS, width: 12 }),
      col('headline', 'Headline', 'Titular', { width: 40 }),
      col('summary', 'Summary', 'Resumen', { width: 60 }),
      ...QUOTE,
      col('confidence', 'Confidence', 'Confianza', { list: CONFIDENCE_LEVELS, width: 12 }),
      col('sources', 'Sources', 'Fuentes', { labels: true, width: 12 }),
    ],
  },
  {
    key: 'statements',
    name: { en: 'Statements', es: 'Declaraciones' },
    columns: [
      col('id', 'Id', 'Id'),
      col('actor', 'Actor', 'Actor', { ref: 'actors' }),
      col('date', 'Date', 'Fecha', { width: 12 }),
      col('text', 'Text', 'Texto', { width: 60 }),
      ...QUOTE,
      col('kind', 'Kind', 'Tipo', { list: STATEMENT_KINDS, width: 12 }),
      col('sources', 'Sources', 'Fuentes', { labels: true, width: 12 }),
    ],
  },
  {
    key: 'sources',
    name: { en: 'Sources', es: 'Fuentes' },
    columns: [
      col('id', 'Label', 'Etiqueta', { width: 8 }),
      col('title', 'Title', 'Título', { width: 50 }),
      col('publisher', 'Publisher', 'Medio'),
      col('url', 'URL', 'URL', { width: 40 }),
      col('date', 'Date', 'Fecha', { width: 12 }),
      col('type', 'Type', 'Tipo', { list: SOURCE_TYPES, width: 12 }),
    ],
  },
];

export const sheetSpec = (key: SheetKey): SheetSpec => SHEETS.find((sheet) => sheet.key === key)!;

export const HELP_SHEET: Record<SheetLanguage, { name: string; lines: string[] }> = {
  en: {
    name: 'How to fill this in',
    lines: [
      'How to fill this in',
      'One row per item; the first row of each sheet names its columns. Leave a cell empty for "none".',
      'Analysis: the id (a slug like mexico-us-deployment), question and summary are required.',
      'Sections: one row per section, in order; Paragraphs: one row per paragraph, its section id in column A.',
      'Actors first: a stance or a statement picks its actor from the Actors sheet by id.',
      'Position, kind, confidence and type: pick from the list in the cell.',
      'Sources: write the label as cited in the text: 3 for [3]. A stance lists its sources as 1, 3.',
      'Dates: 2025, 2025-04 or 2025-04-18 (text or a spreadsheet date). Partial dates stay partial.',
      'Formulas are refused: type the value itself.',
      'Then: npx newsroom-widgets import-sheet analysis.xlsx --out analysis.json',
    ],
  },
  es: {
    name: 'Cómo rellenarlo',
    lines: [
      'Cómo rellenarlo',
      'Una fila por elemento; la primera fila de cada hoja nombra sus columnas. Una celda vacía es "ninguno".',
      'Análisis: el id (un slug como mexico-us-deployment), la pregunta y el resumen son obligatorios.',
      'Secciones: una fila por sección, en orden; Párrafos: una fila por párrafo, con el id de su sección en la columna A.',
      'Primero los actores: una postura o una declaración elige su actor de la hoja Actores por id.',
      'Posición, tipo, confianza: elija de la lista de la celda.',
      'Fuentes: la etiqueta tal como se cita en el texto: 3 para [3]. Una postura lista sus fuentes como 1, 3.',
      'Fechas: 2025, 2025-04 o 2025-04-18 (texto o fecha de la hoja). Las fechas parciales se quedan parciales.',
      'No se aceptan fórmulas: escriba el valor.',
      'Luego: npx newsroom-widgets import-sheet analysis.xlsx --out analysis.json',
    ],
  },
};

/** `0` → `A`, `27` → `AB`. */
export function columnLetter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
