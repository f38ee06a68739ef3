import { and, count, eq, gt, sql } from 'drizzle-orm';
import {
	checkNote,
	checkRating,
	NOTES_PER_HOUR,
	ownerActionRefusal,
	type OwnerAction,
	type OwnerInputError,
	type OwnerRefusal
} from '../domain/owner-actions.js';
import type { Queryable } from './db/client.js';
import { events, tickets } from './db/schema/index.js';
import { appendEvent, type Actor } from './event-log.js';
import type { Ticket } from './tickets.js';

/**
 * What the owner does from their phone: add information, confirm the proposed appointment,
 * accept the finished work, rate it. Each locks the ticket, asks the domain whether the action is
 * allowed from its current status, changes it and appends the event in one transaction, and
 * bumps the ticket's version so a staff form opened before it cannot overwrite it.
 */

export type OwnerActionError = OwnerRefusal | OwnerInputError | 'ownerNoteTooMany';
export type OwnerActionResult = { ok: true } | { ok: false; error: OwnerActionError };

type TicketChange = Partial<
	Pick<Ticket, 'appointmentConfirmedAt' | 'ownerAcceptedAt' | 'ownerRating'>
>;

interface Step {
	/** The fields to change besides version and updatedAt. */
	set: TicketChange;
	type: string;
	data?: Record<string, unknown>;
}

/** The owner, as the actor of their own changes: the resident who reported it. */
export const ownerOf = (ticket: Ticket): Actor => ({
	kind: 'resident',
	residentId: ticket.reporterResidentId
});

async function act(
	db: Queryable,
	ticketId: string,
	action: OwnerAction,
	now: Date,
	plan: (tx: Queryable, ticket: Ticket) => Promise<Step | OwnerActionError> | Step
): Promise<OwnerActionResult> {
	return db.transaction(async (tx) => {
		// Compatible with the foreign-key checks of clock events (see `actOnTicket`).
		const [ticket] = await tx
			.select()
			.from(tickets)
			.where(eq(tickets.id, ticketId))
			.for('no key update');
		if (!ticket) throw new Error(`No ticket ${ticketId}`);
		const refusal = ownerActionRefusal(action, ticket);
		if (refusal) return { ok: false, error: refusal };
		const step = await plan(tx, ticket);
		if (typeof step === 'string') return { ok: false, error: step };
		await tx
			.update(tickets)
			.set({ ...step.set, updatedAt: now, version: sql`${tickets.version} + 1` })
			.where(eq(tickets.id, ticket.id));
		await appendEvent(tx, {
			siteId: ticket.siteId,
			ticketId: ticket.id,
			type: step.type,
			actor: ownerOf(ticket),
			data: { serial: ticket.serial, ...step.data },
			at: now
		});
		return { ok: true };
	});
}

/** Information the owner adds (any status but closed): 4–500 characters, ten an hour at most. */
export function addOwnerNote(
	db: Queryable,
	ticketId: string,
	text: string,
	now = new Date()
): Promise<OwnerActionResult> {
	const note = checkNote(text);
	if (!note.ok) return Promise.resolve({ ok: false, error: note.error });
	return act(db, ticketId, 'note', now, async (tx) => {
		const [recent] = await tx
			.select({ n: count() })
			.from(events)
			.where(
				and(
					eq(events.ticketId, ticketId),
					eq(events.type, 'owner.note'),
					gt(events.at, new Date(now.getTime() - 60 * 60_000))
				)
			);
		if ((recent?.n ?? 0) >= NOTES_PER_HOUR) return 'ownerNoteTooMany';
		return { set: {}, type: 'owner.note', data: { text: note.text } };
	});
}

/** The owner agrees to the time staff proposed. */
export function confirmAppointment(
	db: Queryable,
	ticketId: string,
	now = new Date()
): Promise<OwnerActionResult> {
	return act(db, ticketId, 'confirm_appointment', now, (_tx, ticket) => ({
		set: { appointmentConfirmedAt: now },
		type: 'owner.appointment_confirmed',
		data: { appointmentAt: ticket.appointmentAt?.toISOString() ?? null }
	}));
}

/** The owner tested the finished work and signs it off (the paid-service follow-up clock starts). */
export function acceptWork(
	db: Queryable,
	ticketId: string,
	now = new Date()
): Promise<OwnerActionResult> {
	return act(db, ticketId, 'accept', now, () => ({
		set: { ownerAcceptedAt: now },
		type: 'ticket.owner_accepted',
		data: { by: 'owner' }
	}));
}

/** The owner's rating, once resolved; a later rating replaces the earlier one, both on record. */
export function rateService(
	db: Queryable,
	ticketId: string,
	input: { rating: string; comment: string },
	now = new Date()
): Promise<OwnerActionResult> {
	const checked = checkRating(input.rating, input.comment);
	if (!checked.ok) {
		const error = checked.errors.rating ?? checked.errors.comment ?? 'ownerRatingRequired';
		return Promise.resolve({ ok: false, error });
	}
	return act(db, ticketId, 'rate', now, () => ({
		set: { ownerRating: checked.rating },
		type: 'owner.rated',
		data: { rating: checked.rating, comment: checked.comment }
	}));
}
