import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../site-settings.js';
import { SEED_CLOCK_KEYS, seedPolicy } from './policy.js';
import { editPolicy, policyFormValues } from './policy-edit.js';

const seed = seedPolicy(DEFAULT_SITE_SETTINGS);
const form = policyFormValues(seed);

describe('editing the service policy', () => {
	it('fills the form from the policy and reads the same policy back', () => {
		expect(form).toMatchObject({
			'atRisk.minutes': '15',
			'atRisk.percent': '25',
			'emergency_acknowledge.amount': '2',
			'emergency_acknowledge.unit': 'calendar',
			'repair_arrival.inside': '20',
			'repair_arrival.outside': '60',
			'repair_follow_up.amount': '2',
			'repair_follow_up.unit': 'working_days'
		});
		expect(editPolicy(seed, form)).toEqual({ ok: true, atRisk: seed.atRisk, clocks: seed.clocks });
	});

	it('changes a promise, its calendar and the amber threshold', () => {
		const result = editPolicy(seed, {
			...form,
			'repair_arrival.inside': '5',
			'complaint_reply.unit': 'working',
			'paid_service_follow_up.unit': 'working_days',
			'paid_service_follow_up.amount': '2',
			'atRisk.percent': '50'
		});
		if (!result.ok) throw new Error('refused');
		const arrival = result.clocks.find((c) => c.key === 'repair_arrival');
		expect(arrival?.target).toMatchObject({ insideMinutes: 5, outsideMinutes: 60 });
		expect(result.clocks.find((c) => c.key === 'complaint_reply')?.target).toEqual({
			kind: 'duration',
			minutes: 120,
			calendar: 'working'
		});
		expect(result.clocks.find((c) => c.key === 'paid_service_follow_up')?.target).toEqual({
			kind: 'working_days',
			days: 2
		});
		expect(result.atRisk).toEqual({ minutes: 15, fraction: 0.5 });
	});

	it('names every field it cannot take', () => {
		expect(
			editPolicy(seed, {
				...form,
				'repair_arrival.inside': '0',
				'repair_follow_up.amount': '31',
				'emergency_acknowledge.unit': 'lunar',
				'atRisk.percent': '95',
				'atRisk.minutes': ''
			})
		).toEqual({
			ok: false,
			errors: {
				'repair_arrival.inside': 'clockMinutesInvalid',
				'repair_follow_up.amount': 'clockDaysInvalid',
				'emergency_acknowledge.unit': 'clockCalendarInvalid',
				'atRisk.percent': 'clockPercentInvalid',
				'atRisk.minutes': 'clockAtRiskMinutesInvalid'
			}
		});
	});
});

describe('the seed policy', () => {
	it('has every clock of DOMAIN.md, each under a code the pages can name', () => {
		expect(seed.clocks.map((c) => c.key)).toEqual([...SEED_CLOCK_KEYS]);
		for (const clock of seed.clocks) expect(clock.key).toMatch(/^[a-z0-9_]+$/);
	});
});
