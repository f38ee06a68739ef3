/**
 * Service policies: which promises a ticket carries and how each is timed (DOMAIN.md, "Service
 * clocks"). A policy is data, versioned per site; the seed policy follows the seeds.
 */
import type { SiteSettings, TimeWindow } from '../site-settings.js';
import type { Priority, TicketType } from '../vocabulary.js';

/**
 * An event on the ticket's timeline that moves a clock: of this type (any type when absent), with
 * every listed `data` field equal. Workflow events carry the status they moved `from` and `to`.
 */
export interface EventMatch {
	type?: string;
	data?: Readonly<Record<string, string>>;
}

export type ClockCalendar = 'calendar' | 'working';

export type ClockTarget =
	/** A fixed duration, counted on the calendar or in the site's working time. */
	| { kind: 'duration'; minutes: number; calendar: ClockCalendar }
	/** Working days of the site's standard length (2 working days from Friday 10:00 is Tuesday 10:00). */
	| { kind: 'working_days'; days: number }
	/** Picks the duration by when the clock started: within the window, or not. */
	| {
			kind: 'by_start';
			window: TimeWindow;
			workingDaysOnly: boolean;
			insideMinutes: number;
			outsideMinutes: number;
			calendar: ClockCalendar;
	  }
	/** The instant agreed with the owner, carried by the start event's `field` (ISO time). */
	| { kind: 'agreed'; field: string };

/** Amber before red: at-risk once the time left is at most `minutes`, or `fraction` of the target. */
export interface AtRiskRule {
	minutes: number;
	fraction: number;
}

export type EscalationLevel = 'supervisor' | 'director';

export interface ClockDefinition {
	/** Stable code; the seed clocks have labels in both languages. */
	key: string;
	appliesTo: {
		types?: readonly TicketType[];
		categories?: readonly string[];
		priorities?: readonly Priority[];
		/** The ticket must carry every one of these flags. */
		flags?: readonly string[];
	};
	start: readonly EventMatch[];
	stop: readonly EventMatch[];
	pause: readonly EventMatch[];
	resume: readonly EventMatch[];
	/** A start event after the clock stopped runs it again (a new cycle), e.g. after a reopen. */
	restarts: boolean;
	target: ClockTarget;
	atRisk?: AtRiskRule;
	/** Who hears of a breach, in order. */
	escalateTo: readonly EscalationLevel[];
}

export interface ServicePolicy {
	version: number;
	atRisk: AtRiskRule;
	clocks: readonly ClockDefinition[];
}

export const SEED_CLOCK_KEYS = [
	'emergency_acknowledge',
	'repair_arrival',
	'complaint_reply',
	'complaint_next_reply',
	'complaint_follow_up',
	'paid_service_follow_up',
	'repair_follow_up'
] as const;
export type SeedClockKey = (typeof SEED_CLOCK_KEYS)[number];

/** Seeds: amber at 15 minutes or 25 % of the target left, whichever comes first. */
export const DEFAULT_AT_RISK: AtRiskRule = { minutes: 15, fraction: 0.25 };

/** Waiting for the owner stops every clock; leaving that status, by any step, starts it again. */
const PAUSE: readonly EventMatch[] = [{ data: { to: 'waiting_owner' } }];
const RESUME: readonly EventMatch[] = [{ data: { from: 'waiting_owner' } }];
const CLOSED: EventMatch = { type: 'ticket.closed' };
const REPLY: EventMatch = { type: 'ticket.contacted', data: { kind: 'reply' } };

/** Seed 004: the office's day for the repair-arrival rule. */
export const REPAIR_DAY_WINDOW: TimeWindow = { start: '08:00', end: '17:30' };

const on = (...types: string[]): EventMatch[] => types.map((type) => ({ type }));

/** A clock the seeds start at filing, once. */
function fromFiling(
	key: SeedClockKey,
	type: TicketType,
	stop: EventMatch[],
	target: ClockTarget,
	escalateTo: EscalationLevel[]
): ClockDefinition {
	const start = on('ticket.filed');
	return {
		key,
		appliesTo: { types: [type] },
		start,
		stop,
		pause: PAUSE,
		resume: RESUME,
		restarts: false,
		target,
		escalateTo
	};
}

/** A follow-up (回访) owed after `start`; it runs again after a reopen. */
function followUp(
	key: SeedClockKey,
	type: TicketType,
	start: string,
	target: ClockTarget,
	escalateTo: EscalationLevel[]
): ClockDefinition {
	const stop = [...on('ticket.followed_up', 'ticket.reopened'), CLOSED];
	return {
		key,
		appliesTo: { types: [type] },
		start: on(start),
		stop,
		pause: PAUSE,
		resume: RESUME,
		restarts: true,
		target,
		escalateTo
	};
}

const DAY_MINUTES = 24 * 60;
const calendarMinutes = (minutes: number): ClockTarget => ({
	kind: 'duration',
	minutes,
	calendar: 'calendar'
});

/** The policy every new site starts with, from DOMAIN.md and the site's own numbers. */
export function seedPolicy(settings: SiteSettings): ServicePolicy {
	const both: EscalationLevel[] = ['supervisor', 'director'];
	return {
		version: 1,
		atRisk: DEFAULT_AT_RISK,
		clocks: [
			fromFiling(
				'emergency_acknowledge',
				'emergency',
				[
					...on(
						'ticket.claimed',
						'ticket.assigned',
						'ticket.dispatched',
						'ticket.resolved',
						'ticket.declined'
					),
					CLOSED
				],
				calendarMinutes(settings.emergencyAcknowledgeMinutes),
				both
			),
			fromFiling(
				'repair_arrival',
				'repair',
				[...on('ticket.on_site', 'ticket.resolved', 'ticket.declined'), CLOSED],
				{
					kind: 'by_start',
					window: REPAIR_DAY_WINDOW,
					workingDaysOnly: true,
					insideMinutes: settings.repairArrivalMinutesInHours,
					outsideMinutes: settings.repairArrivalMinutesOutOfHours,
					calendar: 'calendar'
				},
				['supervisor']
			),
			fromFiling('complaint_reply', 'complaint', [REPLY, CLOSED], calendarMinutes(120), both),
			{
				key: 'complaint_next_reply',
				appliesTo: { types: ['complaint'] },
				start: [REPLY],
				stop: [REPLY, ...on('ticket.resolved'), CLOSED],
				// A time agreed with the owner stands, whatever the ticket waits for.
				pause: [],
				resume: [],
				restarts: true,
				target: { kind: 'agreed', field: 'nextReplyAt' },
				escalateTo: both
			},
			followUp(
				'complaint_follow_up',
				'complaint',
				'ticket.resolved',
				calendarMinutes(DAY_MINUTES),
				both
			),
			followUp(
				'paid_service_follow_up',
				'paid_service',
				'ticket.owner_accepted',
				settings.paidServiceFollowUp === '2wd'
					? { kind: 'working_days', days: 2 }
					: calendarMinutes(DAY_MINUTES),
				['supervisor']
			),
			followUp('repair_follow_up', 'repair', 'ticket.resolved', { kind: 'working_days', days: 2 }, [
				'supervisor'
			])
		]
	};
}
