import { eq } from 'drizzle-orm';
import {
	dueFen,
	quoteActorRefusal,
	quoteStepsAllowed,
	WAIVER_CAP_FEN,
	type QuoteStep
} from '../domain/quotes.js';
import type { Queryable } from './db/client.js';
import { serviceItems } from './db/schema/index.js';
import { siteMonth, waivedThisMonth } from './quote-month.js';
import { currentQuote, priceList, quoteState, type StaffActor } from './quotes.js';
import type { Ticket } from './tickets.js';

/** The quote in force as shown (to staff and to the owner): lines, sums and where it stands. */
export async function quoteForDisplay(db: Queryable, ticketId: string) {
	const quote = await currentQuote(db, ticketId);
	return quote && displayOf(db, quote);
}

async function displayOf(
	db: Queryable,
	quote: NonNullable<Awaited<ReturnType<typeof currentQuote>>>
) {
	const [item] = quote.serviceItemId
		? await db
				.select({ name: serviceItems.name, nameEn: serviceItems.nameEn })
				.from(serviceItems)
				.where(eq(serviceItems.id, quote.serviceItemId))
		: [];
	return {
		id: quote.id,
		status: quote.status,
		item: item ?? null,
		labourFen: quote.labourFen,
		materials: quote.materials,
		totalFen: quote.totalFen,
		waivedFen: quote.waivedFen,
		dueFen: dueFen(quote),
		payment: quote.payment,
		confirmedAt: quote.confirmedAt,
		collectedAt: quote.collectedAt
	};
}
export type QuoteDisplay = NonNullable<Awaited<ReturnType<typeof quoteForDisplay>>>;

/**
 * The ticket page's quote panel for one member of staff: the quote, the steps they may take now,
 * the price list when they may write a quote, and their waiver allowance left this month.
 */
export async function quotePanel(
	db: Queryable,
	ticket: Ticket,
	actor: StaffActor,
	timeZone: string,
	now = new Date()
) {
	if (ticket.type !== 'paid_service') return null;
	const current = await currentQuote(db, ticket.id);
	const quote = current && (await displayOf(db, current));
	const state = quoteState(current);
	const steps: QuoteStep[] = quoteStepsAllowed(ticket, state).filter(
		(step) => quoteActorRefusal(step, ticket, actor) === null
	);
	return {
		quote,
		steps,
		priceList: steps.includes('propose') ? await priceList(db, ticket.siteId) : [],
		waiverLeftFen: steps.includes('waive')
			? WAIVER_CAP_FEN - (await waivedThisMonth(db, actor.staffId, siteMonth(now, timeZone)))
			: null
	};
}
