import { ownerActionsAllowed, type OwnerAction } from './owner-actions.js';
import { staffHandle, type StaffHandle } from './staff-handle.js';
import { needsFollowUp } from './ticket-workflow.js';
import type { ActorKind, Satisfaction, StaffRole, TicketStatus, TicketType } from './vocabulary.js';

/**
 * What the owner's phone page shows, decided from the ticket and its events alone: the progress
 * as steps, a notice when the owner is needed or the request was declined, the appointment, the
 * actions open to them, and a plain timeline. Staff appear only as a handle (王师傅); nothing
 * internal (staff notes, other tickets, full names, phones) has a field to travel in.
 */

/** The ticket's fields the page reads. */
export interface OwnerTicket {
	type: TicketType;
	status: TicketStatus;
	assigneeId: string | null;
	appointmentAt: Date | null;
	appointmentConfirmedAt: Date | null;
	acceptedAt: Date | null;
	onSiteAt: Date | null;
	resolvedAt: Date | null;
	ownerAcceptedAt: Date | null;
	ownerRating: Satisfaction | null;
}

/** One row of the ticket's event log. */
export interface OwnerEvent {
	type: string;
	at: Date;
	actorKind: ActorKind;
	actorStaffId: string | null;
	reason: string | null;
	data: Record<string, unknown>;
}

/** Staff the events mention, by id: their name and role at the site (null: none any more). */
export type StaffDirectory = ReadonlyMap<string, { name: string; role: StaffRole | null }>;

export const STEP_KEYS = [
	'received',
	'taken_on',
	'working',
	'on_site',
	'resolved',
	'followed_up',
	'closed',
	'declined'
] as const;
export type StepKey = (typeof STEP_KEYS)[number];
export type StepState = 'done' | 'current' | 'todo';

export interface Step {
	key: StepKey;
	state: StepState;
}

/** When the owner is needed, or the request is not going the usual way. */
export type Notice =
	| { kind: 'waiting'; reason: string | null }
	| { kind: 'reopened' }
	| { kind: 'declined'; reason: string | null };

export const TIMELINE_KINDS = [
	'filed',
	'taken_on',
	'dispatched',
	'appointed',
	'on_site',
	'waiting',
	'resumed',
	'resolved',
	'accepted',
	'declined',
	'reopened',
	'followed_up',
	'closed',
	'called',
	'visited',
	'replied',
	'owner_note',
	'appointment_confirmed',
	'owner_rated',
	'quote_proposed',
	'quote_confirmed',
	'quote_declined',
	'paid',
	'billed',
	'waived',
	'pass_expired'
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
	at: Date;
	kind: TimelineKind;
	/** The staff member who did it, as a handle; null for the owner or the system. */
	who: StaffHandle | null;
	/** Words meant for the owner: their own note or comment, a reason they are waiting or declined. */
	text: string | null;
	/** The appointment time proposed. */
	when: Date | null;
	rating: Satisfaction | null;
	/** The money a quote or fee line is about, in fen. */
	amountFen: number | null;
}

/** The one sentence at the top: where the request stands, in the owner's terms. */
export type Headline =
	| 'new'
	| 'accepted'
	| 'in_progress'
	| 'on_site'
	| 'waiting'
	| 'resolved'
	| 'resolved_accepted'
	| 'followed_up'
	| 'closed'
	| 'reopened'
	| 'declined';

export interface OwnerPage {
	status: TicketStatus;
	headline: Headline;
	steps: Step[];
	notice: Notice | null;
	/** Who is handling it now. */
	handler: StaffHandle | null;
	appointment: { at: Date; confirmed: boolean } | null;
	accepted: boolean;
	rating: Satisfaction | null;
	actions: OwnerAction[];
	/** Oldest first. */
	timeline: TimelineEntry[];
}

/**
 * The event types an owner sees, and as what. Everything else (staff notes, devices…) is not
 * theirs; nor are the desk's link events (`owner_link.*`): the owner has the text itself, and a
 * withdrawal ends the page it would show on.
 */
export const OWNER_TIMELINE: Readonly<Record<string, TimelineKind>> = {
	'ticket.filed': 'filed',
	'ticket.claimed': 'taken_on',
	'ticket.assigned': 'taken_on',
	'ticket.dispatched': 'dispatched',
	'ticket.appointment_set': 'appointed',
	'ticket.on_site': 'on_site',
	'ticket.waiting_owner': 'waiting',
	'ticket.resumed': 'resumed',
	'ticket.resolved': 'resolved',
	'ticket.owner_accepted': 'accepted',
	'ticket.declined': 'declined',
	'ticket.reopened': 'reopened',
	'ticket.followed_up': 'followed_up',
	'ticket.closed': 'closed',
	'owner.note': 'owner_note',
	'owner.appointment_confirmed': 'appointment_confirmed',
	'owner.rated': 'owner_rated',
	'quote.proposed': 'quote_proposed',
	'quote.confirmed': 'quote_confirmed',
	'quote.declined': 'quote_declined',
	'payment.collected': 'paid',
	'payment.billed': 'billed',
	'fee.waived': 'waived',
	// The item pass's day ended unused: the request closed by itself, and the owner should know why.
	'pass.expired': 'pass_expired'
};

/** A recorded contact shows when it reached the owner; an internal note does not. */
const CONTACT: Record<string, TimelineKind> = {
	call: 'called',
	visit: 'visited',
	reply: 'replied'
};

const text = (value: unknown): string | null =>
	typeof value === 'string' && value.trim() ? value.trim() : null;

const instant = (value: unknown): Date | null => {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
};

function handleOf(staff: StaffDirectory, id: unknown): StaffHandle | null {
	if (typeof id !== 'string') return null;
	const member = staff.get(id);
	return member ? staffHandle(member.name, member.role ?? 'admin') : null;
}

function timelineKind(event: OwnerEvent): TimelineKind | null {
	if (event.type === 'ticket.contacted') {
		const kind = event.data.kind;
		return typeof kind === 'string' ? (CONTACT[kind] ?? null) : null;
	}
	return OWNER_TIMELINE[event.type] ?? null;
}

function entryOf(event: OwnerEvent, staff: StaffDirectory): TimelineEntry | null {
	const kind = timelineKind(event);
	if (!kind) return null;
	const entry: TimelineEntry = {
		at: event.at,
		kind,
		who: null,
		text: null,
		when: null,
		rating: null,
		amountFen: null
	};
	if (event.actorKind === 'staff') entry.who = handleOf(staff, event.actorStaffId);
	switch (kind) {
		case 'taken_on':
		case 'dispatched':
			// Whoever it was given to, when someone else gave it.
			entry.who =
				handleOf(staff, event.data.assigneeId) ?? handleOf(staff, event.data.staffId) ?? entry.who;
			break;
		case 'appointed':
			entry.when = instant(event.data.at);
			break;
		case 'waiting':
		case 'declined':
			entry.text = text(event.reason) ?? text(event.data.reason);
			break;
		case 'owner_note':
			entry.text = text(event.data.text);
			break;
		case 'quote_proposed':
		case 'paid':
		case 'billed':
		case 'waived': {
			const fen = event.data.totalFen ?? event.data.amountFen;
			entry.amountFen = typeof fen === 'number' ? fen : null;
			break;
		}
		case 'owner_rated':
			entry.text = text(event.data.comment);
			entry.rating =
				event.data.rating === 'satisfied' ||
				event.data.rating === 'neutral' ||
				event.data.rating === 'dissatisfied'
					? event.data.rating
					: null;
			break;
	}
	return entry;
}

/** The furthest step reached in the usual course. */
function reached(ticket: OwnerTicket): number {
	switch (ticket.status) {
		case 'new':
		case 'reopened':
		case 'declined':
			return 0;
		case 'accepted':
			return 1;
		case 'in_progress':
			return 2;
		case 'waiting_owner':
			return ticket.onSiteAt ? 2 : ticket.acceptedAt ? 1 : 0;
		case 'resolved':
			return 3;
		case 'followed_up':
			return 4;
		case 'closed':
			return Number.POSITIVE_INFINITY;
	}
}

export function ownerSteps(ticket: OwnerTicket): Step[] {
	const declined =
		ticket.status === 'declined' || (ticket.status === 'closed' && !ticket.resolvedAt);
	if (declined) {
		return [
			{ key: 'received', state: 'done' },
			{ key: ticket.status === 'declined' ? 'declined' : 'closed', state: 'current' }
		];
	}
	const keys: StepKey[] = [
		'received',
		'taken_on',
		ticket.onSiteAt ? 'on_site' : 'working',
		'resolved',
		...(needsFollowUp(ticket.type) ? (['followed_up'] as const) : []),
		'closed'
	];
	const at = reached(ticket);
	// Without a follow-up step, "followed up" (4) is the close.
	const index = Math.min(at, keys.length - 1);
	return keys.map((key, i) => ({
		key,
		state: ticket.status === 'closed' || i < index ? 'done' : i === index ? 'current' : 'todo'
	}));
}

function noticeOf(ticket: OwnerTicket, timeline: TimelineEntry[]): Notice | null {
	const lastReason = (kind: TimelineKind) =>
		timeline.findLast((entry) => entry.kind === kind)?.text ?? null;
	switch (ticket.status) {
		case 'waiting_owner':
			return { kind: 'waiting', reason: lastReason('waiting') };
		case 'reopened':
			return { kind: 'reopened' };
		case 'declined':
			return { kind: 'declined', reason: lastReason('declined') };
		default:
			return null;
	}
}

export function headlineOf(ticket: OwnerTicket): Headline {
	switch (ticket.status) {
		case 'in_progress':
			return ticket.onSiteAt ? 'on_site' : 'in_progress';
		case 'waiting_owner':
			return 'waiting';
		case 'resolved':
			return ticket.ownerAcceptedAt ? 'resolved_accepted' : 'resolved';
		default:
			return ticket.status;
	}
}

export function ownerPage(
	ticket: OwnerTicket,
	events: readonly OwnerEvent[],
	staff: StaffDirectory
): OwnerPage {
	const timeline = [...events]
		.sort((a, b) => a.at.getTime() - b.at.getTime())
		.map((event) => entryOf(event, staff))
		.filter((entry) => entry !== null);
	return {
		status: ticket.status,
		headline: headlineOf(ticket),
		steps: ownerSteps(ticket),
		notice: noticeOf(ticket, timeline),
		handler: ticket.status === 'closed' ? null : handleOf(staff, ticket.assigneeId),
		appointment: ticket.appointmentAt
			? { at: ticket.appointmentAt, confirmed: !!ticket.appointmentConfirmedAt }
			: null,
		accepted: !!ticket.ownerAcceptedAt,
		rating: ticket.ownerRating,
		actions: ownerActionsAllowed(ticket),
		timeline
	};
}
