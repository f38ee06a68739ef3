import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, siteDate } from '../release-pass.js';
import { parseSerial } from '../serial-number.js';
import {
	canonicalVisitorPass,
	formatVisitorPass,
	generatePassCheck,
	normalisePassCheck,
	PASS_CHECK_LENGTH,
	passScanText,
	nextSiteDayStart,
	parseVisitorPass,
	passIsValid,
	passValidUntil,
	siteDayStart,
	visitorPassPrefix
} from './visitor-pass.js';

const SHANGHAI = 'Asia/Shanghai';
/** China, and zones whose clocks jump, some of them at midnight itself. */
const ZONES = [
	SHANGHAI,
	'Asia/Hong_Kong',
	'Europe/London',
	'America/New_York',
	'America/Santiago',
	'America/Havana',
	'Australia/Lord_Howe'
];

describe('pass numbers', () => {
	it.each([
		['2026-11-22T02:00:00Z', 7, 'V-20261122-007'],
		// 23:30 UTC on the 21st is already the 22nd in Shanghai.
		['2026-11-21T23:30:00Z', 1, 'V-20261122-001'],
		['2026-11-21T15:59:00Z', 1000, 'V-20261121-1000']
	])('approved at %s, number %i → %s', (at, counter, pass) => {
		expect(formatVisitorPass(new Date(at), SHANGHAI, counter)).toBe(pass);
	});

	it('reads back what a guard types, and is never read as a ticket', () => {
		expect(parseVisitorPass(' v-20261122-007 ')).toEqual({
			dateKey: '20261122',
			counter: 7,
			check: null
		});
		expect(parseVisitorPass('V-2026112-007')).toBeNull();
		expect(parseVisitorPass('R-20261122-007')).toBeNull();
		expect(parseVisitorPass('V-20261122-07')).toBeNull();
		// No pass is number 0, and no day has a million visitors: not passes, not a server error.
		expect(parseVisitorPass('V-20261122-000')).toBeNull();
		expect(canonicalVisitorPass('V-20261122-0000')).toBeNull();
		expect(parseVisitorPass('V-20261122-1234567')).toBeNull();
		expect(parseSerial('V-20261122-007')).toBeNull();
	});

	it('refuses a malformed date key or counter', () => {
		expect(() => visitorPassPrefix('2026-11-22')).toThrow();
		expect(() => formatVisitorPass(new Date(), SHANGHAI, 0)).toThrow();
	});

	it('round-trips every day and counter', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 99_999 }),
				(at, counter) => {
					const dateKey = siteDate(at, SHANGHAI).replaceAll('-', '');
					expect(parseVisitorPass(formatVisitorPass(at, SHANGHAI, counter))).toEqual({
						dateKey,
						counter,
						check: null
					});
				}
			)
		);
	});
});

describe('how long a pass lasts', () => {
	it('lasts until midnight on the site’s clock', () => {
		// 18:00 in Shanghai on the 22nd.
		const approvedAt = new Date('2026-11-22T10:00:00Z');
		const until = passValidUntil(approvedAt, SHANGHAI);
		expect(until.toISOString()).toBe('2026-11-22T16:00:00.000Z');
		expect(passIsValid(approvedAt, SHANGHAI, new Date('2026-11-22T15:59:59Z'))).toBe(true);
		expect(passIsValid(approvedAt, SHANGHAI, until)).toBe(false);
		expect(passIsValid(approvedAt, SHANGHAI, new Date('2026-11-22T09:59:59Z'))).toBe(false);
	});

	it('starts a day at its first minute where midnight does not exist', () => {
		// Santiago's clocks jump from 00:00 to 01:00 on 6 September 2026.
		expect(siteDayStart('2026-09-06', 'America/Santiago').toISOString()).toBe(
			'2026-09-06T04:00:00.000Z'
		);
		expect(siteDayStart('2026-09-07', 'America/Santiago').toISOString()).toBe(
			'2026-09-07T03:00:00.000Z'
		);
	});

	it('ends exactly where the next site day begins, in any zone', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
				fc.constantFrom(...ZONES),
				(at, zone) => {
					const until = nextSiteDayStart(at, zone);
					const day = siteDate(at, zone);
					expect(until.getTime()).toBeGreaterThan(at.getTime());
					expect(siteDate(until, zone)).toBe(addDays(day, 1));
					expect(siteDate(new Date(until.getTime() - 1), zone)).toBe(day);
				}
			)
		);
	});
});

describe('a pass number as typed', () => {
	it('is read the one way it is stored, extra zeros and case and spaces aside', () => {
		expect(canonicalVisitorPass(' v-20261122-0007 ')).toBe('V-20261122-007');
		expect(canonicalVisitorPass('V-20261122-1234')).toBe('V-20261122-1234');
		expect(canonicalVisitorPass('R-20261122-007')).toBeNull();
	});
});

describe('a pass scanned from its QR code', () => {
	it('holds the number and the check code; a guard’s lookup reads the number from it', () => {
		const scanned = passScanText('V-20261122-007', 'K7M3');
		expect(scanned).toBe('V-20261122-007.K7M3');
		expect(parseVisitorPass(scanned)).toEqual({
			dateKey: '20261122',
			counter: 7,
			check: 'K7M3'
		});
		expect(parseVisitorPass('ｖ－２０２６１１２２－００７．ｋ７ｍ３')?.check).toBe('K7M3');
		expect(canonicalVisitorPass(scanned)).toBe('V-20261122-007');
		expect(parseVisitorPass('V-20261122-007.K7M')).toBeNull();
		expect(parseVisitorPass('V-20261122-007.K7M3X')).toBeNull();
	});

	it('has check codes of the readable alphabet, typed any way', () => {
		const codes = Array.from({ length: 100 }, () => generatePassCheck());
		for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}$/);
		expect(codes.every((c) => c.length === PASS_CHECK_LENGTH)).toBe(true);
		expect(new Set(codes).size).toBeGreaterThan(90);
		expect(normalisePassCheck(' k7 m3 ')).toBe('K7M3');
		expect(normalisePassCheck('ｋ７ｍ３')).toBe('K7M3');
	});
});
