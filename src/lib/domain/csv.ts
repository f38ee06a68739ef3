/**
 * CSV for spreadsheets (RFC 4180, CRLF lines), safe to open in Excel: a cell that a spreadsheet
 * would read as a formula (starting with = + - @, or a tab or carriage return that some apps
 * strip first) gets a leading apostrophe, so a visitor who types `=HYPERLINK(...)` as their name
 * shows as text. The file starts with a UTF-8 byte order mark so Excel reads Chinese correctly.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export const UTF8_BOM = '\uFEFF';

/** One cell: neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: string | number | null | undefined): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
	return cells.map(csvCell).join(',');
}

/** The whole file: BOM, header, rows, each line ending CRLF. */
export function csvDocument(
	header: readonly string[],
	rows: readonly (readonly (string | number | null | undefined)[])[]
): string {
	return UTF8_BOM + [header, ...rows].map((r) => csvRow(r) + '\r\n').join('');
}
