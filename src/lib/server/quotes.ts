import { and, asc, desc, eq, ne, sql, sum } from 'drizzle-orm';
import {
	checkAnswerNote,
	checkQuote,
	checkWaiver,
	dueFen,
	quoteActorRefusal,
	quoteRefusal,
	type QuoteFieldError,
	type QuoteForm,
	type QuoteRefusal,
	type QuoteState,
	type QuoteStep,
	type WaiverError
} from '../domain/quotes.js';
import type { StaffRole } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { feeWaivers, quotes, serviceItems, staffUsers, tickets } from './db/schema/index.js';
import { appendEvent, type Actor } from './event-log.js';
import { ownerOf } from './owner-actions.js';
import { siteMonth, waivedThisMonth } from './quote-month.js';
import type { Ticket } from './tickets.js';

/**
 * A paid service's money, from the quote to the fee (seed 003): staff propose a quote, the owner
 * confirms or declines it (on their phone, or staff record the answer given in person), and once
 * the work is done the fee is collected in cash, billed with the monthly property fee, or waived
 * by the director. Each step locks the ticket, asks `domain/quotes.ts`, writes and records one
 * event on the ticket's timeline in one transaction.
 */

export type Quote = typeof quotes.$inferSelect;
export interface StaffActor {
	staffId: string;
	role: StaffRole;
}

export type QuoteStepError =
	| QuoteRefusal
	| 'actionForbidden'
	| 'actionNotAssignee'
	| 'ticketNotFound'
	| 'quoteNoteRequired'
	| 'quoteNoteTooLong'
	/** The quote was replaced after the page showed it: the new one must be read first. */
	| 'quoteChanged';
export type QuoteResult =
	| { ok: true }
	| { ok: false; error: QuoteStepError }
	| { ok: false; errors: Partial<Record<string, QuoteFieldError | WaiverError>> };

/** The ticket's quote in force: the latest not superseded, with what has been waived of it. */
export async function currentQuote(
	db: Queryable,
	ticketId: string
): Promise<(Quote & { waivedFen: number }) | null> {
	const [quote] = await db
		.select()
		.from(quotes)
		.where(and(eq(quotes.ticketId, ticketId), ne(quotes.status, 'superseded')))
		.orderBy(desc(quotes.createdAt), desc(quotes.id))
		.limit(1);
	if (!quote) return null;
	const [waived] = await db
		.select({ fen: sum(feeWaivers.amountFen).mapWith(Number) })
		.from(feeWaivers)
		.where(eq(feeWaivers.quoteId, quote.id));
	return { ...quote, waivedFen: waived?.fen ?? 0 };
}

export const quoteState = (quote: (Quote & { waivedFen: number }) | null): QuoteState | null =>
	quote && {
		status: quote.status,
		totalFen: quote.totalFen,
		waivedFen: quote.waivedFen,
		payment: quote.payment
	};

/** What the ticket workflow needs of a paid service's quote (resolve and close depend on it). */
export async function workflowQuote(db: Queryable, ticket: Pick<Ticket, 'id' | 'type'>) {
	if (ticket.type !== 'paid_service') return null;
	const quote = await currentQuote(db, ticket.id);
	return {
		confirmed: quote?.status === 'confirmed',
		declined: quote?.status === 'declined',
		settled: quote?.payment != null
	};
}

/** The site's price list as shown at the kiosk and offered to the quote form. */
export function priceList(db: Queryable, siteId: string) {
	return db
		.select({
			id: serviceItems.id,
			category: serviceItems.category,
			name: serviceItems.name,
			nameEn: serviceItems.nameEn,
			unit: serviceItems.unit,
			unitEn: serviceItems.unitEn,
			labourFen: serviceItems.labourFen,
			note: serviceItems.note
		})
		.from(serviceItems)
		.where(and(eq(serviceItems.siteId, siteId), eq(serviceItems.active, true)))
		.orderBy(asc(serviceItems.sortOrder), asc(serviceItems.code));
}
export type PriceListItem = Awaited<ReturnType<typeof priceList>>[number];

interface Planned {
	type: string;
	actor: Actor;
	reason?: string | null;
	data: Record<string, unknown>;
}

/**
 * Locks the ticket, judges `step` (with `actor`'s right to it, when staff), then runs `plan`,
 * which writes the quote's rows and says which event to record.
 */
async function step(
	db: Queryable,
	input: {
		siteId: string;
		ticketId: string;
		step: QuoteStep;
		actor: StaffActor | 'owner';
		/** The quote the person answering was shown: a quote replaced since is not theirs to answer. */
		quoteId?: string;
	},
	now: Date,
	plan: (
		tx: Queryable,
		ticket: Ticket,
		quote: (Quote & { waivedFen: number }) | null
	) => Promise<Planned | QuoteResult>
): Promise<QuoteResult> {
	return db.transaction(async (tx) => {
		// Compatible with the foreign-key checks of clock events (see `actOnTicket`).
		const [ticket] = await tx
			.select()
			.from(tickets)
			.where(and(eq(tickets.id, input.ticketId), eq(tickets.siteId, input.siteId)))
			.for('no key update');
		if (!ticket) return { ok: false, error: 'ticketNotFound' };
		if (input.actor !== 'owner') {
			const refusal = quoteActorRefusal(input.step, ticket, input.actor);
			if (refusal) return { ok: false, error: refusal };
		}
		const quote = await currentQuote(tx, ticket.id);
		const refusal = quoteRefusal(input.step, ticket, quoteState(quote));
		if (refusal) return { ok: false, error: refusal };
		if (input.quoteId !== undefined && quote?.id !== input.quoteId) {
			return { ok: false, error: 'quoteChanged' };
		}
		const planned = await plan(tx, ticket, quote);
		if ('ok' in planned) return planned;
		await tx
			.update(tickets)
			.set({ updatedAt: now, version: sql`${tickets.version} + 1` })
			.where(eq(tickets.id, ticket.id));
		await appendEvent(tx, {
			siteId: ticket.siteId,
			ticketId: ticket.id,
			type: planned.type,
			actor: planned.actor,
			reason: planned.reason ?? null,
			data: { serial: ticket.serial, ...planned.data },
			at: now
		});
		return { ok: true };
	});
}

const staffActor = (actor: StaffActor): Actor => ({ kind: 'staff', staffId: actor.staffId });

/** A new quote; one the owner has not paid replaces the last (it must be answered again). */
export function proposeQuote(
	db: Queryable,
	input: { siteId: string; ticketId: string; actor: StaffActor; form: QuoteForm },
	now = new Date()
): Promise<QuoteResult> {
	return step(db, { ...input, step: 'propose' }, now, async (tx, ticket) => {
		const list = await priceList(tx, ticket.siteId);
		const checked = checkQuote(input.form, list);
		if (!checked.ok) return { ok: false, errors: checked.errors };
		const { quote } = checked;
		await tx
			.update(quotes)
			.set({ status: 'superseded' })
			.where(and(eq(quotes.ticketId, ticket.id), ne(quotes.status, 'superseded')));
		await tx.insert(quotes).values({
			ticketId: ticket.id,
			serviceItemId: quote.serviceItemId,
			labourFen: quote.labourFen,
			materials: quote.materials,
			totalFen: quote.totalFen,
			proposedBy: input.actor.staffId,
			createdAt: now
		});
		return {
			type: 'quote.proposed',
			actor: staffActor(input.actor),
			data: {
				totalFen: quote.totalFen,
				labourFen: quote.labourFen,
				materialsFen: quote.totalFen - quote.labourFen
			}
		};
	});
}

/**
 * The owner's answer to the quote: from their phone (`by: 'owner'`), or given in person or by
 * phone and recorded by staff, who say how (`note`).
 */
export function answerQuote(
	db: Queryable,
	input: {
		siteId: string;
		ticketId: string;
		answer: 'confirm' | 'decline';
		/** The quote shown to whoever answers (the form's hidden `quote`). */
		quoteId: string;
		by: 'owner' | (StaffActor & { note: string });
	},
	now = new Date()
): Promise<QuoteResult> {
	let note: string | null = null;
	if (input.by !== 'owner') {
		const checked = checkAnswerNote(input.by.note);
		if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
		note = checked.note;
	}
	const actor = input.by === 'owner' ? 'owner' : { staffId: input.by.staffId, role: input.by.role };
	return step(db, { ...input, step: input.answer, actor }, now, async (tx, ticket, quote) => {
		if (!quote) throw new Error('A quote step was allowed without a quote');
		const confirmed = input.answer === 'confirm';
		await tx
			.update(quotes)
			.set({ status: confirmed ? 'confirmed' : 'declined', confirmedAt: confirmed ? now : null })
			.where(eq(quotes.id, quote.id));
		return {
			type: confirmed ? 'quote.confirmed' : 'quote.declined',
			actor: actor === 'owner' ? ownerOf(ticket) : staffActor(actor),
			reason: note,
			data: { totalFen: quote.totalFen, by: actor === 'owner' ? 'owner' : 'desk' }
		};
	});
}

/**
 * The fee, once the work is done: cash of at most 50 yuan collected on the spot in the owner's
 * presence, or billed with the monthly property fee.
 */
export function settleQuote(
	db: Queryable,
	input: { siteId: string; ticketId: string; actor: StaffActor; method: 'cash' | 'bill' },
	now = new Date()
): Promise<QuoteResult> {
	return step(db, { ...input, step: input.method }, now, async (tx, _ticket, quote) => {
		if (!quote) throw new Error('A quote step was allowed without a quote');
		const cash = input.method === 'cash';
		await tx
			.update(quotes)
			.set({
				payment: cash ? 'cash' : 'monthly_bill',
				collectedAt: cash ? now : null,
				collectedBy: cash ? input.actor.staffId : null
			})
			.where(eq(quotes.id, quote.id));
		return {
			type: cash ? 'payment.collected' : 'payment.billed',
			actor: staffActor(input.actor),
			data: { amountFen: dueFen(quote) }
		};
	});
}

/**
 * The director waives all or part of what is owed, with a reason, within 200 yuan of their own a
 * month. Their staff row is locked first (FOR NO KEY UPDATE), so two waivers at once cannot both
 * fit the same room.
 * Waiving everything owed settles the fee.
 */
export function waiveFee(
	db: Queryable,
	input: {
		siteId: string;
		ticketId: string;
		actor: StaffActor;
		amount: string;
		reason: string;
		timeZone: string;
	},
	now = new Date()
): Promise<QuoteResult> {
	return step(db, { ...input, step: 'waive' }, now, async (tx, ticket, quote) => {
		if (!quote) throw new Error('A quote step was allowed without a quote');
		await tx
			.select({ id: staffUsers.id })
			.from(staffUsers)
			.where(eq(staffUsers.id, input.actor.staffId))
			// Not FOR UPDATE: events naming this director as actor take KEY SHARE on the row.
			.for('no key update');
		const month = siteMonth(now, input.timeZone);
		const owed = dueFen(quote);
		const used = await waivedThisMonth(tx, input.actor.staffId, month);
		const checked = checkWaiver(input, owed, used);
		if (!checked.ok) return { ok: false, errors: checked.errors };
		await tx.insert(feeWaivers).values({
			siteId: ticket.siteId,
			quoteId: quote.id,
			approvedBy: input.actor.staffId,
			amountFen: checked.amountFen,
			reason: checked.reason,
			month,
			createdAt: now
		});
		const left = owed - checked.amountFen;
		if (left === 0)
			await tx.update(quotes).set({ payment: 'waived' }).where(eq(quotes.id, quote.id));
		return {
			type: 'fee.waived',
			actor: staffActor(input.actor),
			reason: checked.reason,
			data: { amountFen: checked.amountFen, dueFen: left }
		};
	});
}
