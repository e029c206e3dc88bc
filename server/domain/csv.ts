// CSV that a spreadsheet can never run. csv-stringify's escape_formulas guards only the
// start of a cell; a spreadsheet that splits on the other separator (Excel set to
// Indonesian splits on ";", an English one on ",") or ignores the quotes starts a new
// cell right after any "," or ";" inside the text. So a formula character there gets the
// same apostrophe, and every text cell is quoted.
import type { Options } from 'csv-stringify';

/** = + - @, tab, CR and their full-width forms: what makes Excel, LibreOffice or Sheets read a formula. */
const FORMULA = '=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20';
// After a delimiter (either, or the full-width forms), blanks and quotes a spreadsheet would
// drop before the formula character.
const AFTER_DELIMITER = new RegExp(`([,;\\uFF0C\\uFF1B])(?=[\\s"]*[${FORMULA}])`, 'g');

/** "a;=1" → "a;'=1". The start of the cell is left to escape_formulas. */
export function inertAfterDelimiters(text: string): string {
  return text.replace(AFTER_DELIMITER, "$1'");
}

/** The options every CSV the server writes uses: BOM for Excel, CRLF, quoted and inert text. */
export const SAFE_CSV: Options = {
  bom: true,
  record_delimiter: 'windows',
  escape_formulas: true,
  quoted_string: true,
  cast: { string: inertAfterDelimiters, number: (n) => String(n) },
};
