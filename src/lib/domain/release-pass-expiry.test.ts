import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, checkDecision, checkUse, siteDate } from './release-pass.js';
import { EXPIRING_STATUSES, hasLapsed, passesDue, passExpiresAt } from './release-pass-expiry.js';
import { RELEASE_PASS_STATUSES } from './vocabulary.js';

const SHANGHAI = 'Asia/Shanghai';
const day = '2026-11-22';

describe('which passes expire', () => {
	it.each([
		['pending', '2026-11-21', true],
		['approved', '2026-11-21', true],
		['approved', '2026-10-01', true],
		['pending', day, false],
		['approved', day, false],
		['approved', '2026-11-23', false],
		['refused', '2026-11-21', false],
		['used', '2026-11-21', false],
		['expired', '2026-11-21', false]
	] as const)('a %s pass dated %s, on %s: %s', (status, carryOn, lapsed) => {
		expect(hasLapsed({ status, carryOn }, day)).toBe(lapsed);
	});

	it('expires at the site’s midnight after its day, not the server’s', () => {
		const passes = [
			{ id: 'a', status: 'pending', carryOn: day },
			{ id: 'b', status: 'approved', carryOn: day },
			{ id: 'c', status: 'used', carryOn: day },
			{ id: 'd', status: 'refused', carryOn: day },
			{ id: 'e', status: 'approved', carryOn: '2026-11-23' }
		] as const;
		// 15:59 UTC is 23:59 in Shanghai: still its day.
		expect(passesDue(passes, new Date('2026-11-22T15:59:59Z'), SHANGHAI)).toEqual([]);
		// 16:00 UTC is midnight in Shanghai; in UTC it is still the 22nd.
		expect(passesDue(passes, new Date('2026-11-22T16:00:00Z'), SHANGHAI).map((p) => p.id)).toEqual([
			'a',
			'b'
		]);
		expect(passesDue(passes, new Date('2026-11-22T16:00:00Z'), 'UTC')).toEqual([]);
		expect(passesDue(passes, new Date('2026-11-23T00:00:00Z'), 'UTC').map((p) => p.id)).toEqual([
			'a',
			'b'
		]);
	});

	it('knows the instant it expires, also where daylight saving moves the clock', () => {
		expect(passExpiresAt(day, SHANGHAI)).toEqual(new Date('2026-11-22T16:00:00Z'));
		expect(passExpiresAt('2026-12-31', SHANGHAI)).toEqual(new Date('2026-12-31T16:00:00Z'));
		// New York leaves summer time on 1 November 2026: that day has 25 hours.
		expect(passExpiresAt('2026-10-31', 'America/New_York')).toEqual(
			new Date('2026-11-01T04:00:00Z')
		);
		expect(passExpiresAt('2026-11-01', 'America/New_York')).toEqual(
			new Date('2026-11-02T05:00:00Z')
		);
		// Santiago skips midnight when summer time starts (6 September 2026): the day starts at 01:00.
		expect(passExpiresAt('2026-09-05', 'America/Santiago')).toEqual(
			new Date('2026-09-06T04:00:00Z')
		);
	});

	it('is due exactly from the instant it expires, in any zone', () => {
		const zones = [SHANGHAI, 'UTC', 'America/New_York', 'Europe/London', 'Pacific/Auckland'];
		fc.assert(
			fc.property(
				fc.constantFrom(...zones),
				fc.constantFrom(...RELEASE_PASS_STATUSES),
				fc.integer({ min: -3, max: 3 }),
				fc.integer({ min: 0, max: 3 * 24 * 60 }),
				(zone, status, offset, minutes) => {
					const now = new Date(Date.UTC(2026, 10, 20) + minutes * 60_000);
					const pass = { status, carryOn: addDays(siteDate(now, zone), offset) };
					const due = passesDue([pass], now, zone).length === 1;
					const expiring = (EXPIRING_STATUSES as readonly string[]).includes(status);
					return due === (expiring && now >= passExpiresAt(pass.carryOn, zone));
				}
			)
		);
	});
});

describe('an expired pass', () => {
	it('is refused at the gate as expired, also before the sweep has marked it', () => {
		expect(checkUse({ status: 'expired', carryOn: '2026-11-21' }, day)).toBe('passExpired');
		expect(checkUse({ status: 'pending', carryOn: '2026-11-21' }, day)).toBe('passExpired');
		expect(checkUse({ status: 'approved', carryOn: '2026-11-21' }, day)).toBe('passExpired');
	});

	it('is no longer decided by the supervisor', () => {
		const expired = { status: 'expired', carryOn: '2026-11-21' } as const;
		expect(checkDecision(expired, 'approve', day, 'closed')).toBe('passLapsed');
		expect(checkDecision(expired, 'refuse', day, 'closed')).toBe('passLapsed');
	});
});
