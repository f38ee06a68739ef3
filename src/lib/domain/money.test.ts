import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMOUNT_MAX_FEN, formatYuan, parseYuan, yuanField } from './money.js';

describe('money', () => {
	it.each([
		['12', 1200],
		['12.5', 1250],
		['12.05', 1205],
		['¥12.50', 1250],
		['￥ 8', 800],
		['30元', 3000],
		['１２．５', 1250],
		['0', 0],
		['100000', AMOUNT_MAX_FEN]
	])('reads %s as %i fen', (typed, fen) => {
		expect(parseYuan(typed)).toBe(fen);
	});

	it.each(['', 'abc', '-5', '1.234', '1,000', '100000.01', '1e3', '.5', '12.'])(
		'refuses %s',
		(typed) => {
			expect(parseYuan(typed)).toBeNull();
		}
	);

	it('shows fen as yuan with two decimals', () => {
		expect(formatYuan(1250)).toBe('¥12.50');
		expect(formatYuan(5)).toBe('¥0.05');
		expect(formatYuan(1_234_500)).toBe('¥12,345.00');
	});

	it('reads back what it writes into a field', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: AMOUNT_MAX_FEN }), (fen) => {
				expect(parseYuan(yuanField(fen))).toBe(fen);
			})
		);
	});
});
