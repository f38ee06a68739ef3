import type { ClockTarget, SeedClockKey, ServicePolicy } from './clocks/policy.js';
import type { TicketType } from './vocabulary.js';

/**
 * What happens next after a request is filed, and by when, from the site's service policy in
 * force (DOMAIN.md "Request types" and "Service clocks"): owners are promised exactly what the
 * clocks then time. Told on the kiosk's receipt, on the printed form and on the owner's phone.
 * Each step is data; the pages put it into words.
 */

/** A promise as people say it: so many minutes (or hours), or so many working days. */
export type Within = { minutes: number } | { workingDays: number };

export type NextStep =
	/** 001: staff come at once; the desk takes it within the policy's time. */
	| { kind: 'emergency'; within: Within }
	/** 004: an engineer on site within these minutes, within the window and outside it. */
	| { kind: 'repairArrival'; hours: string | null; inHours: number; outOfHours: number }
	/** The owner tests the work and signs off; a customer-service assistant calls back. */
	| { kind: 'repairAccept' }
	/** 000/001: a reply within the policy's time, and the next reply time agreed then. */
	| { kind: 'complaintReply'; within: Within }
	/** 000/001: every complaint is followed up within the policy's time of being resolved. */
	| { kind: 'complaintFollowUp'; within: Within }
	/** 003: the quote (labour + materials, from the price list) is confirmed before work starts. */
	| { kind: 'paidQuote' }
	/** 003: at the owner's time; the owner accepts and signs; followed up within the policy's time. */
	| { kind: 'paidFollowUp'; within: Within }
	/** 002: answered on the spot when possible, else the supervisor answers in writing. */
	| { kind: 'consultation' }
	/** 000: the duty supervisor approves; the guard checks it at the exit. */
	| { kind: 'releasePass' }
	/** Anything else is recorded and answered. */
	| { kind: 'other' };

function target(policy: ServicePolicy, key: SeedClockKey): ClockTarget | null {
	return policy.clocks.find((c) => c.key === key)?.target ?? null;
}

/** A fixed promise in words; null for one that depends on when or what (said otherwise). */
function within(policy: ServicePolicy, key: SeedClockKey): Within | null {
	const t = target(policy, key);
	if (t?.kind === 'duration') return { minutes: t.minutes };
	if (t?.kind === 'working_days') return { workingDays: t.days };
	return null;
}

/** The steps whose promise the policy still holds (a clock taken out of it promises nothing). */
function keep(...steps: (NextStep | null)[]): NextStep[] {
	return steps.filter((s) => s !== null);
}

export function nextSteps(type: TicketType, policy: ServicePolicy): NextStep[] {
	switch (type) {
		case 'emergency': {
			const w = within(policy, 'emergency_acknowledge');
			return keep(w && { kind: 'emergency', within: w });
		}
		case 'repair': {
			const t = target(policy, 'repair_arrival');
			const arrival: NextStep | null =
				t?.kind === 'by_start'
					? {
							kind: 'repairArrival',
							hours: `${t.window.start}–${t.window.end}`,
							inHours: t.insideMinutes,
							outOfHours: t.outsideMinutes
						}
					: null;
			return keep(arrival, { kind: 'repairAccept' });
		}
		case 'complaint': {
			const reply = within(policy, 'complaint_reply');
			const followUp = within(policy, 'complaint_follow_up');
			return keep(
				reply && { kind: 'complaintReply', within: reply },
				followUp && { kind: 'complaintFollowUp', within: followUp }
			);
		}
		case 'paid_service': {
			const followUp = within(policy, 'paid_service_follow_up');
			return keep({ kind: 'paidQuote' }, followUp && { kind: 'paidFollowUp', within: followUp });
		}
		case 'consultation':
			return [{ kind: 'consultation' }];
		case 'release_pass':
			return [{ kind: 'releasePass' }];
		case 'other':
			return [{ kind: 'other' }];
	}
}
