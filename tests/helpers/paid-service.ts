import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import type { QuoteForm } from '../../src/lib/domain/quotes.js';
import { NO_VALUES, type ActionValues } from '../../src/lib/domain/ticket-action-input.js';
import type { TicketAction, WorkflowActor } from '../../src/lib/domain/ticket-workflow.js';
import type { StaffRole } from '../../src/lib/domain/vocabulary.js';
import { events, serviceItems, tickets } from '../../src/lib/server/db/schema/index.js';
import { answerQuote, currentQuote, proposeQuote } from '../../src/lib/server/quotes.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { fileTicket, type Ticket } from '../../src/lib/server/tickets.js';
import {
	createDemoDatabase,
	firstOccupiedHome,
	staffIdOf,
	type TestDatabase
} from './test-database.js';

/** The demo site's zone. */
export const TZ = 'Asia/Shanghai';
const T0 = new Date('2026-11-23T02:00:00Z');

/**
 * The demo estate ready for paid services on a quote: a home and its resident who file them at the
 * kiosk, the 'faucet-replace' item of the price list, the assistant, the engineer and the director,
 * and short ways to file, work, quote and read back.
 */
export async function paidServiceDesk(database: TestDatabase) {
	const siteId = (await defaultSite(database.db))?.id ?? '';
	const { unitId, residentId } = await firstOccupiedHome(database);
	const [tap] = await database.db
		.select({ id: serviceItems.id })
		.from(serviceItems)
		.where(eq(serviceItems.code, 'faucet-replace'));
	const tapId = tap?.id ?? '';
	const staff = async (role: StaffRole): Promise<WorkflowActor> => ({
		staffId: await staffIdOf(database, role),
		role
	});
	const assistant = await staff('assistant');
	const engineer = await staff('engineer');
	const director = await staff('director');

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
	/** Answers the quote shown now, as the owner on their phone or as the desk (with a note). */
	const answerShown = async (
		ticket: Ticket,
		answer: 'confirm' | 'decline',
		by: Parameters<typeof answerQuote>[1]['by'] = 'owner'
	) => answerQuote(database.db, { ...at(ticket), quoteId: await shownId(ticket), answer, by });
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
		expect(await answerShown(ticket, 'confirm')).toEqual({ ok: true });
		return ticket;
	}

	/** The ticket's row as it stands now. */
	async function ticketOf(ticket: Ticket) {
		const [row] = await database.db.select().from(tickets).where(eq(tickets.id, ticket.id));
		if (!row) throw new Error('ticket gone');
		return row;
	}

	return {
		tapId,
		assistant,
		engineer,
		director,
		filePaid,
		act,
		at,
		shownId,
		answerShown,
		form,
		typesOf,
		confirmedQuote,
		ticketOf
	};
}

export type PaidServiceDesk = Awaited<ReturnType<typeof paidServiceDesk>>;

export type PaidServiceFile = PaidServiceDesk & { database: TestDatabase };

/**
 * For a test file of paid services, at its top: a fresh demo database and its desk, made before
 * the file's tests and dropped after them. Read it in the tests (its fields are there by then).
 */
export function paidServiceFile(): PaidServiceFile {
	const file = {} as PaidServiceFile;
	beforeAll(async () => {
		file.database = await createDemoDatabase();
		Object.assign(file, await paidServiceDesk(file.database));
	});
	afterAll(() => file.database.dispose());
	return file;
}
