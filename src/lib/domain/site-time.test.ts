import { describe, expect, it } from 'vitest';
import { formatSiteDateTime, formatSiteTime, isValidTimeZone, siteDateKey } from './site-time.js';

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
