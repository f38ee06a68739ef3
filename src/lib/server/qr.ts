import QRCode from 'qrcode';

/** A QR code as an SVG path: one unit per module, a quiet zone of `margin` modules around it. */
export interface QrPath {
	/** Width and height in modules, quiet zone included (the SVG's viewBox). */
	size: number;
	/** The dark modules, row by row, as runs of filled squares. */
	path: string;
}

/**
 * Drawn on the server from the `qrcode` library's matrix: the page renders a plain `<svg><path>`,
 * with no markup injected and no script, and it prints as sharply as it shows.
 */
export function qrPath(text: string, margin = 2): QrPath {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = modules.size;
	const parts: string[] = [];
	for (let y = 0; y < n; y++) {
		let x = 0;
		while (x < n) {
			if (!modules.get(y, x)) {
				x++;
				continue;
			}
			const start = x;
			while (x < n && modules.get(y, x)) x++;
			parts.push(`M${start + margin} ${y + margin}h${x - start}v1h-${x - start}z`);
		}
	}
	return { size: n + 2 * margin, path: parts.join('') };
}
