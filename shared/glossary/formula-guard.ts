// A spreadsheet opening a CSV file runs a cell that starts with = + - @ (or a tab, a carriage
// return, or the full-width = + - @) as a formula, so a glossary anyone could edit would run its
// formulas on the machine of whoever opens the export (CSV injection). Such a cell is written with a
// ' before it, which makes it text; reading takes the ' off again, so a round trip is exact.
const FORMULA = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell as written: a ' before text a spreadsheet would run (and before one already guarded). */
export const guardFormula = (text: string): string => (FORMULA.test(text) ? `'${text}` : text);

/** The text of a cell as read: guardFormula undone. */
export const unguardFormula = (cell: string): string => (cell.startsWith("'") && FORMULA.test(cell) ? cell.slice(1) : cell);
