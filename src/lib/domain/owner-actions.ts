import { SATISFACTION, type Satisfaction, type TicketStatus } from './vocabulary.js';

/**
 * What an owner may do from their phone, and when (the issue: "add information, confirm a
 * proposed appointment, accept finished work, and rate it"). Pure rules shared by the page, which
 * offers only what is allowed, and the server, which refuses the rest.
 */
export const OWNER_ACTIONS = ['note', 'confirm_appointment', 'accept', 'rate'] as const;
export type OwnerAction = (typeof OWNER_ACTIONS)[number];

/** What the rules need to know about the ticket. */
export interface OwnerActionTicket {
	status: TicketStatus;
	appointmentAt: Date | null;
	appointmentConfirmedAt: Date | null;
	ownerAcceptedAt: Date | null;
}

/** Why not; each is a message key. */
export type OwnerRefusal =
	| 'ownerRequestClosed'
	| 'ownerNoAppointment'
	| 'ownerAppointmentConfirmedAlready'
	| 'ownerAppointmentTooLate'
	| 'ownerNotResolved'
	| 'ownerAlreadyAccepted'
	| 'ownerNotYetRateable';

/** Work still to be done: an appointment can be agreed only for these. */
const BEFORE_RESOLVED: readonly TicketStatus[] = [
	'new',
	'accepted',
	'in_progress',
	'waiting_owner',
	'reopened'
];

/** The owner rates the service once it has been resolved (and still after follow-up and close). */
const RATEABLE: readonly TicketStatus[] = ['resolved', 'followed_up', 'closed'];

export function ownerActionRefusal(
	action: OwnerAction,
	ticket: OwnerActionTicket
): OwnerRefusal | null {
	switch (action) {
		case 'note':
			return ticket.status === 'closed' ? 'ownerRequestClosed' : null;
		case 'confirm_appointment':
			if (!ticket.appointmentAt) return 'ownerNoAppointment';
			if (ticket.appointmentConfirmedAt) return 'ownerAppointmentConfirmedAlready';
			return BEFORE_RESOLVED.includes(ticket.status) ? null : 'ownerAppointmentTooLate';
		case 'accept':
			if (ticket.ownerAcceptedAt) return 'ownerAlreadyAccepted';
			return ticket.status === 'resolved' ? null : 'ownerNotResolved';
		case 'rate':
			return RATEABLE.includes(ticket.status) ? null : 'ownerNotYetRateable';
	}
}

/** The actions the owner may take now, in the order the page offers them. */
export function ownerActionsAllowed(ticket: OwnerActionTicket): OwnerAction[] {
	return OWNER_ACTIONS.filter((action) => ownerActionRefusal(action, ticket) === null);
}

export const NOTE_MIN = 4;
export const NOTE_MAX = 500;
export const COMMENT_MAX = 500;
/** An owner adds at most this many notes to one request in an hour. */
export const NOTES_PER_HOUR = 10;

export type OwnerInputError =
	| 'ownerNoteRequired'
	| 'ownerNoteTooShort'
	| 'ownerNoteTooLong'
	| 'ownerRatingRequired'
	| 'ownerCommentTooLong';

const length = (text: string) => [...text].length;

/** The owner's added information: 4–500 characters once trimmed. */
export function checkNote(
	text: string
): { ok: true; text: string } | { ok: false; error: OwnerInputError } {
	const trimmed = text.trim();
	if (!trimmed) return { ok: false, error: 'ownerNoteRequired' };
	if (length(trimmed) < NOTE_MIN) return { ok: false, error: 'ownerNoteTooShort' };
	if (length(trimmed) > NOTE_MAX) return { ok: false, error: 'ownerNoteTooLong' };
	return { ok: true, text: trimmed };
}

export function isSatisfaction(value: string): value is Satisfaction {
	return (SATISFACTION as readonly string[]).includes(value);
}

/** A rating is one of the three; the comment is optional, at most 500 characters. */
export function checkRating(
	rating: string,
	comment: string
):
	| { ok: true; rating: Satisfaction; comment: string | null }
	| { ok: false; errors: { rating?: OwnerInputError; comment?: OwnerInputError } } {
	const errors: { rating?: OwnerInputError; comment?: OwnerInputError } = {};
	const trimmed = comment.trim();
	if (!isSatisfaction(rating)) errors.rating = 'ownerRatingRequired';
	if (length(trimmed) > COMMENT_MAX) errors.comment = 'ownerCommentTooLong';
	if (errors.rating || errors.comment || !isSatisfaction(rating)) return { ok: false, errors };
	return { ok: true, rating, comment: trimmed || null };
}
