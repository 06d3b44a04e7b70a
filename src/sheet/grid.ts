/** A workbook as plain rows of cells, what the xlsx/ods/csv readers give and the writer takes. */

/** A cell as read: text, a number, a spreadsheet date (its calendar day), or a formula (refused). */
export type Cell = string | number | boolean | { date: string } | { formula: string } | undefined;

export interface GridSheet {
  name: string;
  rows: Cell[][];
}

export interface Grid {
  sheets: GridSheet[];
}
