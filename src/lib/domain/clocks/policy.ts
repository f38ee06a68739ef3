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

/** The policy every new site starts with, from DOMAIN.md and the site's own numbers. */
export function seedPolicy(settings: SiteSettings): ServicePolicy {
	const common = { pause: PAUSE, resume: RESUME };
	return {
		version: 1,
		atRisk: DEFAULT_AT_RISK,
		clocks: [
			{
				key: 'emergency_acknowledge',
				appliesTo: { types: ['emergency'] },
				start: [{ type: 'ticket.filed' }],
				stop: [
					{ type: 'ticket.claimed' },
					{ type: 'ticket.assigned' },
					{ type: 'ticket.dispatched' },
					{ type: 'ticket.resolved' },
					{ type: 'ticket.declined' },
					CLOSED
				],
				...common,
				restarts: false,
				target: {
					kind: 'duration',
					minutes: settings.emergencyAcknowledgeMinutes,
					calendar: 'calendar'
				},
				escalateTo: ['supervisor', 'director']
			},
			{
				key: 'repair_arrival',
				appliesTo: { types: ['repair'] },
				start: [{ type: 'ticket.filed' }],
				stop: [
					{ type: 'ticket.on_site' },
					{ type: 'ticket.resolved' },
					{ type: 'ticket.declined' },
					CLOSED
				],
				...common,
				restarts: false,
				target: {
					kind: 'by_start',
					window: REPAIR_DAY_WINDOW,
					workingDaysOnly: true,
					insideMinutes: settings.repairArrivalMinutesInHours,
					outsideMinutes: settings.repairArrivalMinutesOutOfHours,
					calendar: 'calendar'
				},
				escalateTo: ['supervisor']
			},
			{
				key: 'complaint_reply',
				appliesTo: { types: ['complaint'] },
				start: [{ type: 'ticket.filed' }],
				stop: [REPLY, CLOSED],
				...common,
				restarts: false,
				target: { kind: 'duration', minutes: 120, calendar: 'calendar' },
				escalateTo: ['supervisor', 'director']
			},
			{
				key: 'complaint_next_reply',
				appliesTo: { types: ['complaint'] },
				start: [REPLY],
				stop: [REPLY, { type: 'ticket.resolved' }, CLOSED],
				...common,
				restarts: true,
				target: { kind: 'agreed', field: 'nextReplyAt' },
				escalateTo: ['supervisor', 'director']
			},
			{
				key: 'complaint_follow_up',
				appliesTo: { types: ['complaint'] },
				start: [{ type: 'ticket.resolved' }],
				stop: [{ type: 'ticket.followed_up' }, { type: 'ticket.reopened' }, CLOSED],
				...common,
				restarts: true,
				target: { kind: 'duration', minutes: 24 * 60, calendar: 'calendar' },
				escalateTo: ['supervisor', 'director']
			},
			{
				key: 'paid_service_follow_up',
				appliesTo: { types: ['paid_service'] },
				start: [{ type: 'ticket.owner_accepted' }],
				stop: [{ type: 'ticket.followed_up' }, { type: 'ticket.reopened' }, CLOSED],
				...common,
				restarts: true,
				target:
					settings.paidServiceFollowUp === '2wd'
						? { kind: 'working_days', days: 2 }
						: { kind: 'duration', minutes: 24 * 60, calendar: 'calendar' },
				escalateTo: ['supervisor']
			},
			{
				key: 'repair_follow_up',
				appliesTo: { types: ['repair'] },
				start: [{ type: 'ticket.resolved' }],
				stop: [{ type: 'ticket.followed_up' }, { type: 'ticket.reopened' }, CLOSED],
				...common,
				restarts: true,
				target: { kind: 'working_days', days: 2 },
				escalateTo: ['supervisor']
			}
		]
	};
}
