import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSerial, parseSerial, SERIAL_LETTERS, serialPrefix } from './serial-number.js';
import { TICKET_TYPES } from './vocabulary.js';

describe('serial numbers', () => {
	it.each([
		['repair', '20261122', 7, 'R-20261122-007'],
		['emergency', '20261122', 1, 'E-20261122-001'],
		['complaint', '20270101', 42, 'C-20270101-042'],
		['paid_service', '20261122', 1000, 'S-20261122-1000']
	] as const)('%s on %s, number %i → %s', (type, date, n, expected) => {
		expect(formatSerial(serialPrefix(type, date), n)).toBe(expected);
	});

	it('gives every type its own letter', () => {
		expect(new Set(Object.values(SERIAL_LETTERS)).size).toBe(TICKET_TYPES.length);
	});

	it('reads back what a person types, in any case and with spaces', () => {
		expect(parseSerial('  r-20261122-007 ')).toEqual({
			type: 'repair',
			dateKey: '20261122',
			counter: 7
		});
		expect(parseSerial('R-2026112-007')).toBeNull();
		expect(parseSerial('X-20261122-007')).toBeNull();
		expect(parseSerial('R-20261122-07')).toBeNull();
	});

	it('refuses a malformed date key or counter', () => {
		expect(() => serialPrefix('repair', '2026-11-22')).toThrow();
		expect(() => formatSerial('R-20261122', 0)).toThrow();
		expect(() => formatSerial('R-20261122', 1.5)).toThrow();
	});

	it('round-trips every type, date and counter', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...TICKET_TYPES),
				fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 99_999 }),
				(type, date, counter) => {
					const dateKey = date.toISOString().slice(0, 10).replaceAll('-', '');
					const serial = formatSerial(serialPrefix(type, dateKey), counter);
					expect(parseSerial(serial)).toEqual({ type, dateKey, counter });
				}
			)
		);
	});
});
