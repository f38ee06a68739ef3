/**
 * Money is counted in fen (1/100 yuan), always whole numbers; people type and read yuan.
 */

/** The most one amount may be: ¥100,000 (a typo guard, not a business rule). */
export const AMOUNT_MAX_FEN = 100_000_00;

const FULL_WIDTH_DIGIT = /[０-９]/g;

/**
 * A yuan amount as typed (`12`, `12.5`, `¥12.50`, `12元`, full-width digits) in fen, or null when
 * it is not an amount of at most two decimals between 0 and `AMOUNT_MAX_FEN`.
 */
export function parseYuan(typed: string): number | null {
	const text = typed
		.trim()
		.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
		.replace(/^[¥￥]\s*/, '')
		.replace(/\s*元$/, '')
		.replace('．', '.');
	const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text);
	if (!match) return null;
	const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	return fen <= AMOUNT_MAX_FEN ? fen : null;
}

/** `¥12.50`: always two decimals, with thousands separated. */
export function formatYuan(fen: number): string {
	const sign = fen < 0 ? '-' : '';
	const abs = Math.abs(fen);
	const yuan = Math.floor(abs / 100).toLocaleString('en-US');
	return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** A typed amount put back in a form field: `12.5` → `12.50`, whole yuan without decimals. */
export function yuanField(fen: number): string {
	return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
