import { describe, expect, it } from 'vitest';
import { editPolicy, policyFormValues } from './clocks/policy-edit.js';
import { seedPolicy, type ServicePolicy } from './clocks/policy.js';
import { nextSteps } from './next-steps.js';
import { DEFAULT_SITE_SETTINGS } from './site-settings.js';
import { TICKET_TYPES } from './vocabulary.js';

const seed = seedPolicy(DEFAULT_SITE_SETTINGS);

/** The seed policy with some of its form's fields changed, as a director would save it. */
function edited(fields: Record<string, string>): ServicePolicy {
	const edit = editPolicy(seed, { ...policyFormValues(seed), ...fields });
	if (!edit.ok) throw new Error('refused');
	return { version: 2, atRisk: edit.atRisk, clocks: edit.clocks };
}

describe('what happens next, as the policy in force promises', () => {
	it('a repair: an engineer within the policy’s minutes, within its window and outside it', () => {
		expect(nextSteps('repair', edited({ 'repair_arrival.inside': '15' }))).toEqual([
			{ kind: 'repairArrival', hours: '08:00–17:30', inHours: 15, outOfHours: 60 },
			{ kind: 'repairAccept' }
		]);
	});

	it('a complaint: a reply within 2 hours, a follow-up within 24', () => {
		expect(nextSteps('complaint', seed)).toEqual([
			{ kind: 'complaintReply', within: { minutes: 120 } },
			{ kind: 'complaintFollowUp', within: { minutes: 1440 } }
		]);
		expect(nextSteps('complaint', edited({ 'complaint_reply.amount': '90' }))[0]).toEqual({
			kind: 'complaintReply',
			within: { minutes: 90 }
		});
	});

	it('a paid service: the quote first, the follow-up by the site’s choice', () => {
		const twoDays = seedPolicy({ ...DEFAULT_SITE_SETTINGS, paidServiceFollowUp: '2wd' });
		expect(nextSteps('paid_service', twoDays)).toEqual([
			{ kind: 'paidQuote' },
			{ kind: 'paidFollowUp', within: { workingDays: 2 } }
		]);
	});

	it('an emergency: the desk within the policy’s minutes', () => {
		expect(nextSteps('emergency', edited({ 'emergency_acknowledge.amount': '3' }))).toEqual([
			{ kind: 'emergency', within: { minutes: 3 } }
		]);
	});

	it('every type says something, and a clock taken out of the policy promises nothing', () => {
		for (const type of TICKET_TYPES) expect(nextSteps(type, seed).length).toBeGreaterThan(0);
		const none: ServicePolicy = { ...seed, clocks: [] };
		expect(nextSteps('complaint', none)).toEqual([]);
		expect(nextSteps('repair', none)).toEqual([{ kind: 'repairAccept' }]);
	});
});
