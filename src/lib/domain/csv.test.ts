import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvRow, UTF8_BOM } from './csv.js';

/** A minimal RFC 4180 reader, to check that what we write reads back as written. */
function parse(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}

describe('csv', () => {
	it('neutralises cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvCell('+8613912345678')).toBe("'+8613912345678");
		expect(csvCell('-1')).toBe("'-1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
		expect(csvCell('张伟')).toBe('张伟');
		expect(csvCell('a=b')).toBe('a=b');
	});

	it('quotes commas, quotes and line breaks', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell(null)).toBe('');
		expect(csvCell(3)).toBe('3');
		expect(csvRow(['a', 1, null, 'x,y'])).toBe('a,1,,"x,y"');
	});

	it('starts with a BOM and ends every line with CRLF', () => {
		const text = csvDocument(['姓名', '人数'], [['张伟', 2]]);
		expect(text.startsWith(UTF8_BOM)).toBe(true);
		expect(text).toBe(`${UTF8_BOM}姓名,人数\r\n张伟,2\r\n`);
	});

	it('reads back as written, apart from the apostrophe before a formula', () => {
		fc.assert(
			fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 })), (rows) => {
				const header = ['h'];
				const back = parse(csvDocument(header, rows).slice(1));
				const expected = [header, ...rows].map((r) =>
					r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))
				);
				expect(back).toEqual(expected);
			})
		);
	});
});
