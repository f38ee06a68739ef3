import { describe, expect, it } from 'vitest';
import { nextSteps, workingDayText } from './next-steps.js';
import { DEFAULT_SITE_SETTINGS, DEFAULT_WORKING_HOURS } from './site-settings.js';
import { TICKET_TYPES } from './vocabulary.js';

describe('what happens next', () => {
	it('a repair: an engineer within the site’s minutes, in and outside its working day', () => {
		expect(
			nextSteps(
				'repair',
				{ ...DEFAULT_SITE_SETTINGS, repairArrivalMinutesInHours: 15 },
				DEFAULT_WORKING_HOURS
			)
		).toEqual([
			{ kind: 'repairArrival', hours: '08:00–17:30', inHours: 15, outOfHours: 60 },
			{ kind: 'repairAccept' }
		]);
	});

	it('a complaint: a reply within 2 hours, a follow-up within 24', () => {
		expect(nextSteps('complaint', DEFAULT_SITE_SETTINGS, DEFAULT_WORKING_HOURS)).toEqual([
			{ kind: 'complaintReply', hours: 2 },
			{ kind: 'complaintFollowUp', hours: 24 }
		]);
	});

	it('a paid service: the quote first, the follow-up by the site’s policy', () => {
		expect(
			nextSteps(
				'paid_service',
				{ ...DEFAULT_SITE_SETTINGS, paidServiceFollowUp: '2wd' },
				DEFAULT_WORKING_HOURS
			)
		).toEqual([{ kind: 'paidQuote' }, { kind: 'paidFollowUp', within: '2wd' }]);
	});

	it('every type says something', () => {
		for (const type of TICKET_TYPES) {
			expect(nextSteps(type, DEFAULT_SITE_SETTINGS, DEFAULT_WORKING_HOURS).length).toBeGreaterThan(
				0
			);
		}
		expect(nextSteps('consultation', DEFAULT_SITE_SETTINGS, {})).toEqual([
			{ kind: 'consultation' }
		]);
	});

	it('names the working day only when every working day has the same hours', () => {
		expect(workingDayText(DEFAULT_WORKING_HOURS)).toBe('08:00–17:30');
		expect(
			workingDayText({
				1: [
					{ start: '08:30', end: '12:00' },
					{ start: '13:30', end: '17:30' }
				]
			})
		).toBe('08:30–17:30');
		expect(
			workingDayText({
				1: [{ start: '08:00', end: '17:30' }],
				6: [{ start: '09:00', end: '12:00' }]
			})
		).toBeNull();
		expect(workingDayText({})).toBeNull();
	});
});
