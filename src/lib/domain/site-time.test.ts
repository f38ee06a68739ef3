import { describe, expect, it } from 'vitest';
import {
	formatSiteDateTime,
	formatSiteTime,
	fromSiteLocal,
	isValidTimeZone,
	siteDateKey
} from './site-time.js';

describe('site time', () => {
	// 2026-11-22 17:30 UTC is already 23 November, 01:30 in Shanghai.
	const lateUtc = new Date('2026-11-22T17:30:00Z');

	it('keys the day on the site clock, not the server clock', () => {
		expect(siteDateKey(lateUtc, 'Asia/Shanghai')).toBe('20261123');
		expect(siteDateKey(lateUtc, 'UTC')).toBe('20261122');
		expect(siteDateKey(lateUtc, 'America/Los_Angeles')).toBe('20261122');
	});

	it('shows 24-hour times on the site clock', () => {
		expect(formatSiteDateTime(lateUtc, 'Asia/Shanghai')).toBe('2026-11-23 01:30');
		expect(formatSiteTime(new Date('2026-11-22T10:05:00Z'), 'Asia/Shanghai')).toBe('18:05');
		expect(formatSiteTime(new Date('2026-11-22T16:00:00Z'), 'Asia/Shanghai')).toBe('00:00');
	});

	it('knows a real time zone from a typo', () => {
		expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
		expect(isValidTimeZone('Asia/Shanghia')).toBe(false);
	});
});

describe('times typed on the site clock', () => {
	it('turn into the right instant whatever the server zone', () => {
		expect(fromSiteLocal('2026-11-23T09:30', 'Asia/Shanghai')?.toISOString()).toBe(
			'2026-11-23T01:30:00.000Z'
		);
		expect(fromSiteLocal('2026-11-23T09:30', 'UTC')?.toISOString()).toBe(
			'2026-11-23T09:30:00.000Z'
		);
	});

	it('refuse what is not a time, or a day that does not exist', () => {
		expect(fromSiteLocal('', 'Asia/Shanghai')).toBeNull();
		expect(fromSiteLocal('2026-02-30T09:00', 'Asia/Shanghai')).toBeNull();
		expect(fromSiteLocal('tomorrow', 'Asia/Shanghai')).toBeNull();
	});
});
