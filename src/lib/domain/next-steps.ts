import type { SiteSettings, WeeklyHours } from './site-settings.js';
import type { TicketType } from './vocabulary.js';

/**
 * What happens next after a request is filed, and by when, from the site's rules (DOMAIN.md
 * "Request types" and "Service clocks"). Told to the owner on the kiosk's receipt, on the printed
 * form and on their phone. Each step is data; the pages put it into words.
 */
export type NextStep =
	/** 001: staff come at once; the desk takes it within the site's minutes. */
	| { kind: 'emergency'; minutes: number }
	/** 004: an engineer on site within these minutes, in and outside working hours. */
	| { kind: 'repairArrival'; hours: string | null; inHours: number; outOfHours: number }
	/** The owner tests the work and signs off; a customer-service assistant calls back. */
	| { kind: 'repairAccept' }
	/** 000/001: a reply within 2 hours, and the next reply time agreed then. */
	| { kind: 'complaintReply'; hours: number }
	/** 000/001: every complaint is followed up within 24 hours of being resolved. */
	| { kind: 'complaintFollowUp'; hours: number }
	/** 003: the quote (labour + materials, from the price list) is confirmed before work starts. */
	| { kind: 'paidQuote' }
	/** 003: at the owner's time; the owner accepts and signs; followed up within the site's time. */
	| { kind: 'paidFollowUp'; within: SiteSettings['paidServiceFollowUp'] }
	/** 002: answered on the spot when possible, else the supervisor answers in writing. */
	| { kind: 'consultation' }
	/** 000: the duty supervisor approves; the guard checks it at the exit. */
	| { kind: 'releasePass' }
	/** Anything else is recorded and answered. */
	| { kind: 'other' };

/** The complaint clocks are the seeds' own, not a site setting. */
export const COMPLAINT_REPLY_HOURS = 2;
export const COMPLAINT_FOLLOW_UP_HOURS = 24;

/**
 * The site's working day as people say it ("08:00–17:30"): the hours every working day shares,
 * or null when the days differ (the message then just says "in working hours").
 */
export function workingDayText(hours: WeeklyHours): string | null {
	const days = Object.values(hours).filter((windows) => windows && windows.length > 0);
	const texts = new Set(
		days.map((windows) => {
			const first = windows?.[0];
			const last = windows?.[windows.length - 1];
			return first && last ? `${first.start}–${last.end}` : '';
		})
	);
	const [only] = texts;
	return texts.size === 1 && only ? only : null;
}

export function nextSteps(
	type: TicketType,
	settings: SiteSettings,
	workingHours: WeeklyHours
): NextStep[] {
	switch (type) {
		case 'emergency':
			return [{ kind: 'emergency', minutes: settings.emergencyAcknowledgeMinutes }];
		case 'repair':
			return [
				{
					kind: 'repairArrival',
					hours: workingDayText(workingHours),
					inHours: settings.repairArrivalMinutesInHours,
					outOfHours: settings.repairArrivalMinutesOutOfHours
				},
				{ kind: 'repairAccept' }
			];
		case 'complaint':
			return [
				{ kind: 'complaintReply', hours: COMPLAINT_REPLY_HOURS },
				{ kind: 'complaintFollowUp', hours: COMPLAINT_FOLLOW_UP_HOURS }
			];
		case 'paid_service':
			return [
				{ kind: 'paidQuote' },
				{ kind: 'paidFollowUp', within: settings.paidServiceFollowUp }
			];
		case 'consultation':
			return [{ kind: 'consultation' }];
		case 'release_pass':
			return [{ kind: 'releasePass' }];
		case 'other':
			return [{ kind: 'other' }];
	}
}
