/**
 * The service-policy form: each clock's promise and the amber threshold, as a director or an
 * administrator changes them. Pure: reads the posted fields against the current policy and
 * returns the next one, or a message per field.
 */
import type { AtRiskRule, ClockDefinition, ClockTarget, ServicePolicy } from './policy.js';

export type PolicyError =
	| 'clockMinutesInvalid'
	| 'clockAtRiskMinutesInvalid'
	| 'clockDaysInvalid'
	| 'clockPercentInvalid'
	| 'clockCalendarInvalid';

export type PolicyEdit =
	| { ok: true; atRisk: AtRiskRule; clocks: ClockDefinition[] }
	| { ok: false; errors: Record<string, PolicyError> };

const MAX_MINUTES = 30 * 24 * 60;

function whole(value: string | undefined, min: number, max: number): number | null {
	const text = (value ?? '').trim();
	if (!/^\d{1,6}$/.test(text)) return null;
	const n = Number(text);
	return n >= min && n <= max ? n : null;
}

/** How a fixed promise is counted: minutes on the calendar, minutes of working time, working days. */
export const TARGET_UNITS = ['calendar', 'working', 'working_days'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** The names of a clock's fields in the form. */
export const fieldName = (key: string, part: string) => `${key}.${part}`;

function editTarget(
	key: string,
	target: ClockTarget,
	form: Record<string, string>,
	errors: Record<string, PolicyError>
): ClockTarget {
	const minutes = (part: string) => {
		const n = whole(form[fieldName(key, part)], 1, MAX_MINUTES);
		if (n === null) errors[fieldName(key, part)] = 'clockMinutesInvalid';
		return n ?? 1;
	};
	switch (target.kind) {
		// A fixed promise: an amount in minutes (on the calendar or in working time) or working days.
		case 'duration':
		case 'working_days': {
			const unit = form[fieldName(key, 'unit')] ?? '';
			if (!(TARGET_UNITS as readonly string[]).includes(unit)) {
				errors[fieldName(key, 'unit')] = 'clockCalendarInvalid';
			}
			const days = unit === 'working_days';
			const amount = whole(form[fieldName(key, 'amount')], 1, days ? 30 : MAX_MINUTES);
			if (amount === null) {
				errors[fieldName(key, 'amount')] = days ? 'clockDaysInvalid' : 'clockMinutesInvalid';
			}
			if (days) return { kind: 'working_days', days: amount ?? 1 };
			return {
				kind: 'duration',
				minutes: amount ?? 1,
				calendar: unit === 'working' ? 'working' : 'calendar'
			};
		}
		case 'by_start':
			return { ...target, insideMinutes: minutes('inside'), outsideMinutes: minutes('outside') };
		case 'agreed':
			return target;
	}
}

export function editPolicy(current: ServicePolicy, form: Record<string, string>): PolicyEdit {
	const errors: Record<string, PolicyError> = {};
	const clocks = current.clocks.map((clock) => ({
		...clock,
		target: editTarget(clock.key, clock.target, form, errors)
	}));
	const atRiskMinutes = whole(form['atRisk.minutes'], 0, 24 * 60);
	if (atRiskMinutes === null) errors['atRisk.minutes'] = 'clockAtRiskMinutesInvalid';
	const percent = whole(form['atRisk.percent'], 0, 90);
	if (percent === null) errors['atRisk.percent'] = 'clockPercentInvalid';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		atRisk: { minutes: atRiskMinutes ?? 0, fraction: (percent ?? 0) / 100 },
		clocks
	};
}

/** The form's fields as the policy has them, to fill the form. */
export function policyFormValues(policy: ServicePolicy): Record<string, string> {
	const values: Record<string, string> = {
		'atRisk.minutes': String(policy.atRisk.minutes),
		'atRisk.percent': String(Math.round(policy.atRisk.fraction * 100))
	};
	for (const { key, target } of policy.clocks) {
		if (target.kind === 'duration') {
			values[fieldName(key, 'amount')] = String(target.minutes);
			values[fieldName(key, 'unit')] = target.calendar;
		} else if (target.kind === 'working_days') {
			values[fieldName(key, 'amount')] = String(target.days);
			values[fieldName(key, 'unit')] = 'working_days';
		} else if (target.kind === 'by_start') {
			values[fieldName(key, 'inside')] = String(target.insideMinutes);
			values[fieldName(key, 'outside')] = String(target.outsideMinutes);
		}
	}
	return values;
}
