import { can, type Action } from './access.js';
import type { Satisfaction, StaffRole, TicketStatus, TicketType } from './vocabulary.js';

/**
 * What staff do to a ticket, from taking it to closing it (DOMAIN.md "Lifecycle of a ticket").
 * Pure rules: which action is allowed from which status, for which role, and what it needs.
 */
export const TICKET_ACTIONS = [
	'claim',
	'assign',
	'dispatch',
	'contact',
	'appoint',
	'on_site',
	'wait_owner',
	'resume',
	'resolve',
	'owner_accept',
	'decline',
	'reopen',
	'follow_up',
	'close'
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** A contact with the owner, recorded in writing (seed 002). `reply` answers the owner. */
export const CONTACT_KINDS = ['call', 'visit', 'reply', 'note'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** What the workflow needs to know about a ticket to decide. */
export interface WorkflowTicket {
	type: TicketType;
	status: TicketStatus;
	assigneeId: string | null;
	/** The owner has been answered at least once (a `reply` contact). */
	replied: boolean;
	ownerAccepted: boolean;
	/** How many follow-ups found the owner dissatisfied. */
	dissatisfiedCount: number;
	/** A paid service's quote: the owner's answer, and whether it has been paid for. */
	quote?: { confirmed: boolean; declined: boolean; settled: boolean } | null;
}

export interface WorkflowActor {
	staffId: string;
	role: StaffRole;
}

export type WorkflowRefusal =
	/** The role may never do this. */
	| 'actionForbidden'
	/** Not from the ticket's current status. */
	| 'actionWrongStatus'
	/** An engineer works only the tickets assigned to them. */
	| 'actionNotAssignee'
	/** A declined ticket still owes the owner a reply before it closes. */
	| 'actionReplyOwed'
	/** This type of ticket has no follow-up. */
	| 'actionNoFollowUp'
	/** An item-release pass moves by its own steps: approved, refused, used at the gate. */
	| 'actionPassFlow'
	/** Paid work is done only on a quote the owner confirmed (seed 003). */
	| 'actionQuoteUnconfirmed'
	/** A paid service closes once its fee is collected, billed or waived. */
	| 'actionPaymentOpen';

const OPEN_WORK = ['accepted', 'in_progress', 'reopened'] as const satisfies TicketStatus[];
const NOT_CLOSED = [
	'new',
	'accepted',
	'in_progress',
	'waiting_owner',
	'resolved',
	'followed_up',
	'reopened',
	'declined'
] as const satisfies TicketStatus[];

/** The statuses each action starts from. */
const FROM: Record<TicketAction, readonly TicketStatus[]> = {
	claim: ['new', 'reopened'],
	assign: ['new', 'accepted', 'in_progress', 'reopened', 'waiting_owner'],
	dispatch: ['new', ...OPEN_WORK],
	contact: [...NOT_CLOSED, 'closed'],
	appoint: [...OPEN_WORK, 'waiting_owner'],
	on_site: OPEN_WORK,
	wait_owner: OPEN_WORK,
	resume: ['waiting_owner'],
	resolve: [...OPEN_WORK, 'waiting_owner'],
	owner_accept: ['resolved'],
	decline: ['new', 'accepted', 'reopened'],
	reopen: ['resolved', 'followed_up', 'closed', 'declined'],
	follow_up: ['resolved'],
	close: ['resolved', 'followed_up', 'declined']
};

/** The access-matrix action each workflow action needs. */
export function permissionFor(action: TicketAction, type: TicketType): Action {
	switch (action) {
		case 'claim':
			return type === 'emergency' ? 'emergency.take' : 'ticket.claim';
		case 'assign':
		case 'dispatch':
		case 'decline':
		case 'reopen':
		case 'close':
			return 'ticket.dispatch';
		case 'follow_up':
			return 'ticket.follow_up';
		default:
			return 'ticket.work';
	}
}

/** Types whose resolved tickets are followed up (回访) before they close (seeds 000, 001, 003, 004). */
const FOLLOWED_UP: readonly TicketType[] = ['repair', 'complaint', 'paid_service'];

export function needsFollowUp(type: TicketType): boolean {
	return FOLLOWED_UP.includes(type);
}

/**
 * Whether `actor` may do `action` to `ticket` now; the refusal says why not, so the console can
 * tell them.
 */
export function checkAction(
	action: TicketAction,
	ticket: WorkflowTicket,
	actor: WorkflowActor
): WorkflowRefusal | null {
	const permission = permissionFor(action, ticket.type);
	if (!can(actor.role, permission)) return 'actionForbidden';
	if (!FROM[action].includes(ticket.status) && !quoteRefusedDecline(action, ticket)) {
		return 'actionWrongStatus';
	}
	if (ticket.type === 'release_pass' && action !== 'contact') return 'actionPassFlow';
	// Engineers and guards (not customer service) act only on what is theirs.
	if (
		permission === 'ticket.work' &&
		!can(actor.role, 'ticket.dispatch') &&
		ticket.assigneeId !== actor.staffId
	) {
		return 'actionNotAssignee';
	}
	if (action === 'follow_up' && !needsFollowUp(ticket.type)) return 'actionNoFollowUp';
	if (action === 'close') {
		if (ticket.status === 'declined' && !ticket.replied) return 'actionReplyOwed';
		if (ticket.status === 'resolved' && needsFollowUp(ticket.type)) return 'actionWrongStatus';
	}
	if (ticket.type === 'paid_service') {
		if (action === 'resolve' && !ticket.quote?.confirmed) return 'actionQuoteUnconfirmed';
		// Work redone after a reopen was done on a confirmed quote: it is paid for, not declined.
		const owed = ticket.quote?.confirmed === true && !ticket.quote.settled;
		if (action === 'decline' && ticket.status === 'reopened' && owed) return 'actionPaymentOpen';
		if (action === 'close' && ticket.status !== 'declined' && !ticket.quote?.settled) {
			return 'actionPaymentOpen';
		}
	}
	return null;
}

/**
 * An owner who turns the quote down ends the paid service even after an engineer was sent to look:
 * the desk declines it (and still owes the owner a reply).
 */
function quoteRefusedDecline(action: TicketAction, ticket: WorkflowTicket): boolean {
	return (
		action === 'decline' &&
		ticket.type === 'paid_service' &&
		ticket.quote?.declined === true &&
		(ticket.status === 'in_progress' || ticket.status === 'waiting_owner')
	);
}

/** Every action `actor` may take on `ticket` now, in the order the console offers them. */
export function availableActions(ticket: WorkflowTicket, actor: WorkflowActor): TicketAction[] {
	return TICKET_ACTIONS.filter((action) => checkAction(action, ticket, actor) === null);
}

/** What a follow-up leads to: dissatisfied reopens ("redo until satisfied"), twice escalates. */
export function followUpOutcome(
	satisfaction: Satisfaction,
	dissatisfiedBefore: number
): { status: TicketStatus; escalate: boolean } {
	if (satisfaction !== 'dissatisfied') return { status: 'followed_up', escalate: false };
	return { status: 'reopened', escalate: dissatisfiedBefore + 1 >= 2 };
}

/** The status after `action`; actions that only record something keep the status. */
export function statusAfter(
	action: TicketAction,
	ticket: WorkflowTicket,
	satisfaction?: Satisfaction
): TicketStatus {
	switch (action) {
		case 'claim':
		case 'assign':
			return ticket.status === 'new' || ticket.status === 'reopened' ? 'accepted' : ticket.status;
		case 'dispatch':
		case 'on_site':
		case 'resume':
			return 'in_progress';
		case 'wait_owner':
			return 'waiting_owner';
		case 'resolve':
			return 'resolved';
		case 'decline':
			return 'declined';
		case 'reopen':
			return 'reopened';
		case 'close':
			return 'closed';
		case 'follow_up':
			return followUpOutcome(satisfaction ?? 'satisfied', ticket.dissatisfiedCount).status;
		default:
			return ticket.status;
	}
}
