import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { quotes } from '../../src/lib/server/db/schema/index.js';
import { loadOwnerStatus } from '../../src/lib/server/owner-status.js';
import { quotePanel } from '../../src/lib/server/quote-view.js';
import {
	answerQuote,
	currentQuote,
	proposeQuote,
	settleQuote
} from '../../src/lib/server/quotes.js';
import { paidServiceFile, TZ } from '../helpers/paid-service.js';

const desk = paidServiceFile();

describe('a paid service from quote to fee', () => {
	it('is quoted, confirmed by the owner, done, paid in cash and closed, all on record', async () => {
		const { database, tapId, assistant, engineer, filePaid, act, at, answerShown, form, typesOf } =
			desk;
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
		expect(await answerShown(ticket, 'confirm')).toEqual({ ok: true });
		// Answered once: a second tap is told so.
		expect(await answerShown(ticket, 'decline')).toEqual({ ok: false, error: 'quoteNotProposed' });

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
		const { database, engineer, act, at, confirmedQuote, ticketOf } = desk;
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
		const { database, assistant, engineer, filePaid, act, at, shownId, form } = desk;
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
		const { database, assistant, engineer, filePaid, act, at, answerShown, form, confirmedQuote } =
			desk;
		const ticket = await filePaid();
		await act(ticket, 'dispatch', assistant, { staffId: engineer.staffId });
		await proposeQuote(database.db, {
			...at(ticket),
			actor: engineer,
			form: form({ labour: '300' })
		});
		const declined = await answerShown(ticket, 'decline', { ...assistant, note: ' ' });
		expect(declined).toEqual({ ok: false, error: 'quoteNoteRequired' });
		expect(
			await answerShown(ticket, 'decline', { ...assistant, note: '业主电话表示太贵' })
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
