import { siteDate } from '../release-pass.js';
import { passValidUntil, siteDayStart } from './visitor-pass.js';

/**
 * A visit from arrival to sign-out (DOMAIN.md "Visitors": a non-owner enters only with the host
 * owner's consent; sign-out closes the visit). `approved` means the pass is issued and the
 * visitor is inside: a separate "signed in" step would only add a tap between the consent and
 * the door, and the pass itself records the time.
 */
export const VISIT_STATUSES = [
	/** Pre-registered by the host for one site date; the code turns it into a visit on that day. */
	'invited',
	/** Registered at the kiosk; the host is asked for consent. */
	'waiting_host',
	/** The desk decides: the host was silent too long, the visitor is blocked, or staff took over. */
	'at_desk',
	'approved',
	'refused',
	'signed_out',
	/** Still in when the site's day ended: the sweep closed it. */
	'auto_signed_out',
	/** An invitation whose day passed unused. */
	'expired',
	/** An invitation withdrawn, or a visitor who left before anyone decided. */
	'cancelled'
] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/**
 * Why a visit went to the desk. Recorded for staff; the kiosk never shows it, so a blocked
 * visitor reads exactly what a visitor whose host is out reads.
 */
export const AT_DESK_REASONS = ['host_silent', 'visitor_blocked', 'desk_takeover'] as const;
export type AtDeskReason = (typeof AT_DESK_REASONS)[number];

const MOVES: Record<VisitStatus, readonly VisitStatus[]> = {
	invited: ['approved', 'expired', 'cancelled'],
	waiting_host: ['approved', 'refused', 'at_desk', 'cancelled'],
	// Staff record the host's answer taken by phone or intercom.
	at_desk: ['approved', 'refused', 'cancelled'],
	approved: ['signed_out', 'auto_signed_out'],
	refused: [],
	signed_out: [],
	auto_signed_out: [],
	expired: [],
	cancelled: []
};

export function canMove(from: VisitStatus, to: VisitStatus): boolean {
	return MOVES[from].includes(to);
}

/** Nothing more happens to a visit in one of these. */
export function isFinal(status: VisitStatus): boolean {
	return MOVES[status].length === 0;
}

/** Someone is waiting in the lobby for a decision. */
export function isAwaitingDecision(status: VisitStatus): boolean {
	return status === 'waiting_host' || status === 'at_desk';
}

/** The moment the desk takes over from a silent host. */
export function consentDeadline(createdAt: Date, consentMinutes: number): Date {
	if (!Number.isFinite(consentMinutes) || consentMinutes < 0) {
		throw new RangeError(`Bad consent minutes: ${consentMinutes}`);
	}
	return new Date(createdAt.getTime() + consentMinutes * 60_000);
}

export interface VisitClock {
	status: VisitStatus;
	createdAt: Date;
}

/**
 * `at_desk` once a waiting visit reaches its deadline, else null. At the deadline itself time is
 * up, so a timer set for the deadline moves the visit when it fires.
 */
export function nextOnTimeout(
	visit: VisitClock,
	now: Date,
	consentMinutes: number
): 'at_desk' | null {
	if (visit.status !== 'waiting_host') return null;
	return now.getTime() >= consentDeadline(visit.createdAt, consentMinutes).getTime()
		? 'at_desk'
		: null;
}

/**
 * Visits from before this instant, the start of the site's current calendar day, are closed by
 * the end-of-day sweep (see `visitor-pass.ts` for why the day ends at midnight).
 */
export function endOfDayCutoff(now: Date, timeZone: string): Date {
	return siteDayStart(siteDate(now, timeZone), timeZone);
}

/**
 * A visitor who registered just before midnight may still be standing in the lobby after it:
 * an undecided visit is dropped only once it is from an earlier day and this old.
 */
export const UNDECIDED_GRACE_MS = 2 * 60 * 60_000;

/** Undecided visits created before this instant are dropped by the end-of-day sweep. */
export function undecidedCutoff(now: Date, timeZone: string): Date {
	const dayStart = endOfDayCutoff(now, timeZone).getTime();
	return new Date(Math.min(dayStart, now.getTime() - UNDECIDED_GRACE_MS));
}

export interface DayVisit {
	status: VisitStatus;
	createdAt: Date;
	approvedAt: Date | null;
	/** `YYYY-MM-DD`: the invitation's date; null for a walk-in. */
	visitDate: string | null;
}

/**
 * What the sweep does to a visit left over from an earlier site day, or null to leave it: a
 * visitor still signed in is signed out (their pass has lapsed), an unused invitation for a past
 * day expires, and a visitor nobody decided on has long gone.
 */
export function endOfDayOutcome(
	visit: DayVisit,
	now: Date,
	timeZone: string
): 'auto_signed_out' | 'expired' | 'cancelled' | null {
	switch (visit.status) {
		case 'approved': {
			const since = visit.approvedAt ?? visit.createdAt;
			return now.getTime() >= passValidUntil(since, timeZone).getTime() ? 'auto_signed_out' : null;
		}
		case 'invited':
			return visit.visitDate !== null && visit.visitDate < siteDate(now, timeZone)
				? 'expired'
				: null;
		case 'waiting_host':
		case 'at_desk':
			return visit.createdAt.getTime() < undecidedCutoff(now, timeZone).getTime()
				? 'cancelled'
				: null;
		default:
			return null;
	}
}

/** What the kiosk tells the visitor, as a message key. */
export const KIOSK_OUTCOMES = [
	'visitorOutcomeWaiting',
	'visitorOutcomeAskDesk',
	'visitorOutcomeApproved',
	'visitorOutcomeRefused',
	'visitorOutcomeSignedOut'
] as const;
export type KioskOutcome = (typeof KIOSK_OUTCOMES)[number];

const OUTCOME: Record<VisitStatus, KioskOutcome> = {
	waiting_host: 'visitorOutcomeWaiting',
	// Whatever sent the visit to the desk, the words are the same: a blocked visitor must never
	// learn it from the screen. The reason is not even an input here.
	at_desk: 'visitorOutcomeAskDesk',
	approved: 'visitorOutcomeApproved',
	refused: 'visitorOutcomeRefused',
	signed_out: 'visitorOutcomeSignedOut',
	auto_signed_out: 'visitorOutcomeSignedOut',
	invited: 'visitorOutcomeAskDesk',
	expired: 'visitorOutcomeAskDesk',
	cancelled: 'visitorOutcomeAskDesk'
};

export interface KioskVisit {
	status: VisitStatus;
	/** Why it is at the desk; null otherwise. */
	atDeskReason: AtDeskReason | null;
	createdAt: Date;
}

/**
 * The status the kiosk may reflect. A blocked visitor goes to the desk at once, so staff can
 * prepare; but if the screen said so at once, the speed alone would tell them they are known.
 * Until the host's usual deadline has passed they see what any waiting visitor sees.
 */
export function statusShownAtKiosk(
	visit: KioskVisit,
	now: Date,
	consentMinutes: number
): VisitStatus {
	const early = now.getTime() < consentDeadline(visit.createdAt, consentMinutes).getTime();
	if (visit.status === 'at_desk' && visit.atDeskReason === 'visitor_blocked' && early) {
		return 'waiting_host';
	}
	return visit.status;
}

/** Plain words for the visitor, from the status alone (pass it `statusShownAtKiosk`). */
export function visitOutcomeForKiosk(status: VisitStatus): KioskOutcome {
	return OUTCOME[status];
}
