import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SITE_SETTINGS,
	DEFAULT_WORKING_HOURS,
	resolveSiteSettings,
	validWorkingHours
} from './site-settings.js';

describe('site settings', () => {
	it('start from the seeds: 20 / 60 minute repair arrival, 3-minute visitor consent, 180-day retention', () => {
		expect(DEFAULT_SITE_SETTINGS).toMatchObject({
			repairArrivalMinutesInHours: 20,
			repairArrivalMinutesOutOfHours: 60,
			visitorConsentMinutes: 3,
			visitorRetentionDays: 180,
			kioskIdleSeconds: 60
		});
	});

	it('fill what a stored site lacks, keeping what it chose', () => {
		expect(resolveSiteSettings({ paidServiceFollowUp: '2wd' })).toEqual({
			...DEFAULT_SITE_SETTINGS,
			paidServiceFollowUp: '2wd'
		});
		expect(resolveSiteSettings(null)).toEqual(DEFAULT_SITE_SETTINGS);
	});

	it('accept the default week and a lunch break, refuse overlaps and nonsense', () => {
		expect(validWorkingHours(DEFAULT_WORKING_HOURS)).toBe(true);
		expect(
			validWorkingHours({
				1: [
					{ start: '08:00', end: '12:00' },
					{ start: '13:30', end: '17:30' }
				]
			})
		).toBe(true);
		expect(
			validWorkingHours({
				1: [
					{ start: '08:00', end: '12:30' },
					{ start: '12:00', end: '17:30' }
				]
			})
		).toBe(false);
		expect(validWorkingHours({ 2: [{ start: '17:30', end: '08:00' }] })).toBe(false);
		expect(validWorkingHours({ 3: [{ start: '8:00', end: '17:30' }] })).toBe(false);
		expect(validWorkingHours({ 4: [{ start: '08:00', end: '24:00' }] })).toBe(false);
	});
});
