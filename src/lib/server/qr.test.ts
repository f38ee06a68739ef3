import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr.js';

/** The modules a path fills, read back from its `M x y h w v1 h-w z` runs. */
function filled(path: string, margin: number): Set<string> {
	const cells = new Set<string>();
	for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
		for (let i = 0; i < Number(w); i++)
			cells.add(`${Number(x) + i - margin},${Number(y) - margin}`);
	}
	return cells;
}

describe('the QR code path', () => {
	it('fills exactly the dark modules of the code, inside a quiet zone', () => {
		const text = 'https://desk.example.cn/o/abcdefghijklmnopqrstuvwxyz234567';
		const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
		const qr = qrPath(text, 2);
		expect(qr.size).toBe(modules.size + 4);
		const dark = new Set<string>();
		for (let y = 0; y < modules.size; y++) {
			for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) dark.add(`${x},${y}`);
		}
		expect(filled(qr.path, 2)).toEqual(dark);
	});
});
