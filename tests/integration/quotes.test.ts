import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuoteForm } from '../../src/lib/domain/quotes.js';
import { NO_VALUES, type ActionValues } from '../../src/lib/domain/ticket-action-input.js';
import type { TicketAction, WorkflowActor } from '../../src/lib/domain/ticket-workflow.js';
import {
	events,
	households,
	quotes,
	residents,
	serviceItems,
	tickets,
	units
} from '../../src/lib/server/db/schema/index.js';
import { loadOwnerStatus } from '../../src/lib/server/owner-status.js';
import { quotePanel } from '../../src/lib/server/quote-view.js';
import {
	answerQuote,
	currentQuote,
	proposeQuote,
	settleQuote,
	waiveFee
} from '../../src/lib/server/quotes.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { fileTicket, type Ticket } from '../../src/lib/server/tickets.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let unitId: string;
let residentId: string;
let tapId: string;
let assistant: WorkflowActor;
let engineer: WorkflowActor;
let director: WorkflowActor;
const TZ = 'Asia/Shanghai';
const T0 = new Date('2026-11-23T02:00:00Z');

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	const [home] = await database.db
		.select({ unitId: units.id, residentId: residents.id })
		.from(units)
		.innerJoin(households, and(eq(households.unitId, units.id), isNull(households.movedOutOn)))
		.innerJoin(residents, eq(residents.householdId, households.id))
		.orderBy(asc(units.floor))
		.limit(1);
	unitId = home?.unitId ?? '';
	residentId = home?.residentId ?? '';
	const [tap] = await database.db
		.select({ id: serviceItems.id })
		.from(serviceItems)
		.where(eq(serviceItems.code, 'faucet-replace'));
	tapId = tap?.id ?? '';
	assistant = { staffId: await staffIdOf(database, 'assistant'), role: 'assistant' };
	engineer = { staffId: await staffIdOf(database, 'engineer'), role: 'engineer' };
	director = { staffId: await staffIdOf(database, 'director'), role: 'director' };
});
afterAll(() => database.dispose());

function filePaid(): Promise<Ticket> {
	return fileTicket(database.db, {
		siteId,
		type: 'paid_service',
		category: 'appliance_repair',
		channel: 'kiosk',
		unitId,
		reporterResidentId: residentId,
		description: '厨房水龙头要换新的',
		actor: { kind: 'device', residentId },
		now: T0
	});
}

const act = (
	ticket: Ticket,
	action: TicketAction,
	actor = assistant,
	values: Partial<ActionValues> = {}
) =>
	actOnTicket(database.db, {
		siteId,
		ticketId: ticket.id,
		action,
		actor,
		values: { ...NO_VALUES, ...values }
	});
const at = (ticket: Ticket) => ({ siteId, ticketId: ticket.id });
/** The quote the owner's page (or the desk's) shows now. */
const shownId = async (ticket: Ticket) => (await currentQuote(database.db, ticket.id))?.id ?? '';
const form = (extra: Partial<QuoteForm> = {}): QuoteForm => ({
	item: '',
	quantity: '',
	labour: '',
	materials: [],
	...extra
});
const typesOf = async (ticket: Ticket) =>
	(
		await database.db
			.select({ type: events.type, actorKind: events.actorKind, data: events.data })
			.from(events)
			.where(eq(events.ticketId, ticket.id))
			.orderBy(asc(events.seq))
	).filter((e) => /^(quote|payment|fee)\./.test(e.type));

/** A paid service dispatched to the engineer, with a confirmed quote of `labour` yuan. */
async function confirmedQuote(labour: string): Promise<Ticket> {
	const ticket = await filePaid();
	await act(ticket, 'dispatch', assistant, { staffId: engineer.staffId });
	expect(
		await proposeQuote(database.db, { ...at(ticket), actor: engineer, form: form({ labour }) })
	).toEqual({ ok: true });
	expect(
		await answerQuote(database.db, {
			...at(ticket),
			quoteId: await shownId(ticket),
			answer: 'confirm',
			by: 'owner'
		})
	).toEqual({ ok: true });
	return ticket;
}

describe('a paid service from quote to fee', () => {
	it('is quoted, confirmed by the owner, done, paid in cash and closed, all on record', async () => {
		const ticket = await filePaid();
		// An engineer quotes only the work given to them.
		expect(
			await proposeQuote(database.db, {
				...at(ticket),
				actor: engineer,
				form: form({ labour: '9' })
			})
		).toEqual({ ok: false, error: 'actionNotAssignee' });
		await act(ticket, 'dispatch', assistant, { staffId: engineer.staffId });

		const quoted = await proposeQuote(database.db, {
			...at(ticket),
			actor: engineer,
			form: form({
				item: tapId,
				materials: [
					{ name: '水龙头', quantity: '1', price: '25.50', ownerSupplied: false },
					{ name: '软管', quantity: '1', price: '', ownerSupplied: true }
				]
			})
		});
		expect(quoted).toEqual({ ok: true });
		expect(await currentQuote(database.db, ticket.id)).toMatchObject({
			status: 'proposed',
			labourFen: 1500,
			totalFen: 4050,
			serviceItemId: tapId
		});
		// No work is resolved on a quote the owner has not confirmed.
		expect(await act(ticket, 'resolve', engineer, { text: '已更换' })).toEqual({
			ok: false,
			error: 'actionQuoteUnconfirmed'
		});

		const owner = await loadOwnerStatus(database.db, ticket.id);
		expect(owner.quote).toMatchObject({ totalFen: 4050, answerable: true, status: 'proposed' });
		expect(
			await answerQuote(database.db, {
				...at(ticket),
				quoteId: await shownId(ticket),
				answer: 'confirm',
				by: 'owner'
			})
		).toEqual({ ok: true });
		// Answered once: a second tap is told so.
		expect(
			await answerQuote(database.db, {
				...at(ticket),
				quoteId: await shownId(ticket),
				answer: 'decline',
				by: 'owner'
			})
		).toEqual({ ok: false, error: 'quoteNotProposed' });

		// Paid only once the work is done.
		expect(
			await settleQuote(database.db, { ...at(ticket), actor: engineer, method: 'cash' })
		).toEqual({ ok: false, error: 'quoteNotDone' });
		expect((await act(ticket, 'on_site', engineer)).ok).toBe(true);
		expect((await act(ticket, 'resolve', engineer, { text: '已更换水龙头' })).ok).toBe(true);
		expect((await act(ticket, 'follow_up', assistant, { satisfaction: 'satisfied' })).ok).toBe(
			true
		);
		expect(await act(ticket, 'close')).toEqual({ ok: false, error: 'actionPaymentOpen' });

		expect(
			await settleQuote(database.db, { ...at(ticket), actor: engineer, method: 'cash' })
		).toEqual({ ok: true });
		expect(await currentQuote(database.db, ticket.id)).toMatchObject({
			payment: 'cash',
			collectedBy: engineer.staffId
		});
		expect((await act(ticket, 'close')).ok).toBe(true);

		expect(await typesOf(ticket)).toEqual([
			expect.objectContaining({ type: 'quote.proposed', actorKind: 'staff' }),
			expect.objectContaining({ type: 'quote.confirmed', actorKind: 'resident' }),
			expect.objectContaining({
				type: 'payment.collected',
				data: expect.objectContaining({ amountFen: 4050 })
			})
		]);
		// The owner's timeline reads the money in plain words, with the amounts.
		const timeline = (await loadOwnerStatus(database.db, ticket.id)).page.timeline;
		expect(timeline.filter((e) => e.amountFen !== null).map((e) => [e.kind, e.amountFen])).toEqual([
			['quote_proposed', 4050],
			['paid', 4050]
		]);
	});

	it('bills more than 50 yuan with the monthly fee, never in cash', async () => {
		const ticket = await confirmedQuote('80');
		await act(ticket, 'resolve', engineer, { text: '完工' });
		expect(
			await settleQuote(database.db, { ...at(ticket), actor: engineer, method: 'cash' })
		).toEqual({ ok: false, error: 'quoteCashOverLimit' });
		const panel = await quotePanel(database.db, await ticketOf(ticket), engineer, TZ);
		expect(panel?.steps).toEqual(['bill']);
		expect(
			await settleQuote(database.db, { ...at(ticket), actor: engineer, method: 'bill' })
		).toEqual({ ok: true });
		expect((await currentQuote(database.db, ticket.id))?.payment).toBe('monthly_bill');
	});

	it('never confirms a quote the owner was not shown', async () => {
		const ticket = await filePaid();
		await act(ticket, 'dispatch', assistant, { staffId: engineer.staffId });
		await proposeQuote(database.db, {
			...at(ticket),
			actor: engineer,
			form: form({ labour: '30' })
		});
		const seen = await shownId(ticket);
		await proposeQuote(database.db, {
			...at(ticket),
			actor: engineer,
			form: form({ labour: '300' })
		});
		expect(
			await answerQuote(database.db, {
				...at(ticket),
				quoteId: seen,
				answer: 'confirm',
				by: 'owner'
			})
		).toEqual({ ok: false, error: 'quoteChanged' });
		expect(await currentQuote(database.db, ticket.id)).toMatchObject({
			status: 'proposed',
			totalFen: 30000
		});
	});

	it('replaces an unanswered or declined quote, and lets the desk decline after a refusal', async () => {
		const ticket = await filePaid();
		await act(ticket, 'dispatch', assistant, { staffId: engineer.staffId });
		await proposeQuote(database.db, {
			...at(ticket),
			actor: engineer,
			form: form({ labour: '300' })
		});
		const declined = await answerQuote(database.db, {
			...at(ticket),
			quoteId: await shownId(ticket),
			answer: 'decline',
			by: { ...assistant, note: ' ' }
		});
		expect(declined).toEqual({ ok: false, error: 'quoteNoteRequired' });
		expect(
			await answerQuote(database.db, {
				...at(ticket),
				quoteId: await shownId(ticket),
				answer: 'decline',
				by: { ...assistant, note: '业主电话表示太贵' }
			})
		).toEqual({ ok: true });
		// The owner turned it down after the engineer had been: the desk may end it.
		expect((await act(ticket, 'decline', assistant, { reason: '业主不同意报价' })).ok).toBe(true);

		const second = await confirmedQuote('10');
		await proposeQuote(database.db, {
			...at(second),
			actor: engineer,
			form: form({ labour: '12' })
		});
		const rows = await database.db.select().from(quotes).where(eq(quotes.ticketId, second.id));
		expect(rows.map((q) => q.status).sort()).toEqual(['proposed', 'superseded']);
	});
});

async function ticketOf(ticket: Ticket) {
	const [row] = await database.db.select().from(tickets).where(eq(tickets.id, ticket.id));
	if (!row) throw new Error('ticket gone');
	return row;
}

describe('fee waivers', () => {
	it('are the director’s, within what is owed and 200 yuan a month, and can settle the fee', async () => {
		const ticket = await confirmedQuote('80');
		const waive = (actor: WorkflowActor, amount: string, reason = '独居老人') =>
			waiveFee(database.db, { ...at(ticket), actor, amount, reason, timeZone: TZ });
		expect(await waive(assistant, '10')).toEqual({ ok: false, error: 'actionForbidden' });
		expect(await waive(director, '81')).toEqual({ ok: false, errors: { amount: 'waiverOverDue' } });
		expect(await waive(director, '20', '')).toEqual({
			ok: false,
			errors: { reason: 'waiverReasonRequired' }
		});
		expect(await waive(director, '35')).toEqual({ ok: true });
		await act(ticket, 'resolve', engineer, { text: '完工' });
		// 45 yuan left: within the cash limit now.
		expect(await currentQuote(database.db, ticket.id)).toMatchObject({
			waivedFen: 3500,
			payment: null
		});
		expect(
			await settleQuote(database.db, { ...at(ticket), actor: engineer, method: 'cash' })
		).toEqual({ ok: true });

		// 35 of the director's 200 yuan are used this month: 166 more is over.
		const other = await confirmedQuote('300');
		const more = (amount: string) =>
			waiveFee(database.db, {
				...at(other),
				actor: director,
				amount,
				reason: '补偿',
				timeZone: TZ
			});
		expect(await more('166')).toEqual({ ok: false, errors: { amount: 'waiverOverCap' } });
		const panel = await quotePanel(database.db, await ticketOf(other), director, TZ);
		expect(panel?.waiverLeftFen).toBe(16500);

		// A whole waiver settles the fee, and the ticket may close after its follow-up.
		const small = await confirmedQuote('30');
		expect(
			await waiveFee(database.db, {
				...at(small),
				actor: director,
				amount: '30',
				reason: '返修',
				timeZone: TZ
			})
		).toEqual({ ok: true });
		expect((await currentQuote(database.db, small.id))?.payment).toBe('waived');
		await act(small, 'resolve', engineer, { text: '完工' });
		await act(small, 'follow_up', assistant, { satisfaction: 'satisfied' });
		expect((await act(small, 'close')).ok).toBe(true);
		expect((await typesOf(small)).map((e) => e.type)).toEqual([
			'quote.proposed',
			'quote.confirmed',
			'fee.waived'
		]);
	});

	it('two waivers at once cannot both use the same room', async () => {
		const [a, b] = [await confirmedQuote('150'), await confirmedQuote('150')];
		const results = await Promise.all(
			[a, b].map((t) =>
				waiveFee(database.db, {
					...at(t),
					actor: director,
					amount: '150',
					reason: '并发',
					timeZone: TZ
				})
			)
		);
		// The earlier test used 65 of this director's 200: neither fits now, so both are refused;
		// with room for one, exactly one would pass (the staff row lock orders them).
		expect(results.filter((r) => r.ok)).toHaveLength(0);
		const fresh = await Promise.all(
			[a, b].map((t) =>
				waiveFee(database.db, {
					...at(t),
					actor: director,
					amount: '100',
					reason: '并发',
					timeZone: TZ
				})
			)
		);
		expect(fresh.filter((r) => r.ok)).toHaveLength(1);
		expect(fresh.filter((r) => !r.ok)).toEqual([
			{ ok: false, errors: { amount: 'waiverOverCap' } }
		]);
	});
});
