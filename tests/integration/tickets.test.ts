import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	events,
	households,
	residents,
	tickets,
	units
} from '../../src/lib/server/db/schema/index.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { appendEvent, SYSTEM } from '../../src/lib/server/event-log.js';
import { fileTicket, type FileTicketInput } from '../../src/lib/server/tickets.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let unitId: string;
let careUnitId: string;

beforeAll(async () => {
	database = await createDemoDatabase();
	const site = await defaultSite(database.db);
	if (!site) throw new Error('no demo site');
	siteId = site.id;
	const rows = await database.db
		.select({ unitId: units.id, careFlags: residents.careFlags })
		.from(units)
		.innerJoin(households, and(eq(households.unitId, units.id), isNull(households.movedOutOn)))
		.innerJoin(residents, eq(residents.householdId, households.id))
		.orderBy(asc(units.floor));
	unitId = rows.find((r) => r.careFlags.length === 0)?.unitId ?? '';
	careUnitId = rows.find((r) => r.careFlags.includes('elderly'))?.unitId ?? '';
});
afterAll(() => database.dispose());

const repair = (over: Partial<FileTicketInput> = {}): FileTicketInput => ({
	siteId,
	type: 'repair',
	category: 'power',
	channel: 'kiosk',
	unitId,
	description: '客厅插座没电',
	actor: { kind: 'system' },
	...over
});

describe('filing a ticket', () => {
	it('numbers it by type and the site’s date, counting up through the day', async () => {
		// 16:30 UTC on 9 March is 00:30 on 10 March in Shanghai. A day long past, so no request
		// the demo filed at start-up shares its counter.
		const at = new Date('2025-03-09T16:30:00Z');
		const first = await fileTicket(database.db, repair({ now: at }));
		const second = await fileTicket(database.db, repair({ now: at }));
		const complaint = await fileTicket(
			database.db,
			repair({ type: 'complaint', category: 'noise', now: at })
		);
		expect([first.serial, second.serial, complaint.serial]).toEqual([
			'R-20250310-001',
			'R-20250310-002',
			'C-20250310-001'
		]);
	});

	it('records who filed it, when and how, as the first line of its timeline', async () => {
		const ticket = await fileTicket(database.db, repair({ channel: 'phone' }));
		const timeline = await database.db.select().from(events).where(eq(events.ticketId, ticket.id));
		expect(timeline).toHaveLength(1);
		expect(timeline[0]).toMatchObject({
			type: 'ticket.filed',
			actorKind: 'system',
			siteId,
			data: { serial: ticket.serial, type: 'repair', category: 'power', channel: 'phone' }
		});
		expect(ticket).toMatchObject({ status: 'new', priority: 'normal', channel: 'phone' });
		expect(ticket.buildingId).not.toBeNull();
		expect(ticket.householdId).not.toBeNull();
	});

	it('carries the household’s special-care flag onto the ticket', async () => {
		const ticket = await fileTicket(database.db, repair({ unitId: careUnitId }));
		expect(ticket.careFlags).toContain('elderly');
	});

	it('files a retried submission once: the same idempotency key returns the same ticket', async () => {
		const key = crypto.randomUUID();
		const first = await fileTicket(database.db, repair({ idempotencyKey: key }));
		const again = await fileTicket(database.db, repair({ idempotencyKey: key }));
		expect(again.id).toBe(first.id);
		const rows = await database.db.select().from(tickets).where(eq(tickets.idempotencyKey, key));
		expect(rows).toHaveLength(1);
	});

	it('files one ticket when the same submission arrives five times at once', async () => {
		const key = crypto.randomUUID();
		const filed = await Promise.all(
			Array.from({ length: 5 }, () => fileTicket(database.db, repair({ idempotencyKey: key })))
		);
		expect(new Set(filed.map((t) => t.id)).size).toBe(1);
		const rows = await database.db.select().from(tickets).where(eq(tickets.idempotencyKey, key));
		expect(rows).toHaveLength(1);
		const timeline = await database.db
			.select()
			.from(events)
			.where(eq(events.ticketId, rows[0]?.id ?? ''));
		expect(timeline).toHaveLength(1);
	});

	it('gives twenty simultaneous filings twenty different numbers', async () => {
		const at = new Date('2026-12-01T02:00:00Z');
		const filed = await Promise.all(
			Array.from({ length: 20 }, () => fileTicket(database.db, repair({ now: at })))
		);
		const serials = filed.map((t) => t.serial).sort();
		expect(new Set(serials).size).toBe(20);
		expect(serials[0]).toBe('R-20261201-001');
		expect(serials[19]).toBe('R-20261201-020');
	});

	it('writes nothing when it cannot be filed', async () => {
		const before = await database.db.select().from(tickets);
		await expect(
			fileTicket(database.db, repair({ unitId: crypto.randomUUID() }))
		).rejects.toThrow();
		await expect(fileTicket(database.db, repair({ category: 'noise' }))).rejects.toThrow();
		expect(await database.db.select().from(tickets)).toHaveLength(before.length);
	});
});

/** Drizzle wraps the driver's error; the trigger's message is on its cause. */
const refusedAsAppendOnly = {
	cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) })
};

describe('the record', () => {
	it('numbers a site’s events 1, 2, 3… with no hole, even past a change that rolled back', async () => {
		await expect(
			database.db.transaction(async (tx) => {
				await appendEvent(tx, { siteId, type: 'test.abandoned', actor: SYSTEM });
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		await Promise.all(Array.from({ length: 10 }, () => fileTicket(database.db, repair())));
		const seqs = (
			await database.db
				.select({ seq: events.seq, type: events.type })
				.from(events)
				.where(eq(events.siteId, siteId))
				.orderBy(asc(events.seq))
		).map((e) => e.seq);
		expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
		const [abandoned] = await database.db
			.select()
			.from(events)
			.where(eq(events.type, 'test.abandoned'));
		expect(abandoned).toBeUndefined();
	});

	it('refuses to rewrite or delete an event', async () => {
		const [event] = await database.db.select().from(events).limit(1);
		if (!event) throw new Error('no event');
		await expect(
			database.db.update(events).set({ reason: 'changed' }).where(eq(events.id, event.id))
		).rejects.toMatchObject(refusedAsAppendOnly);
		await expect(database.db.delete(events).where(eq(events.id, event.id))).rejects.toMatchObject(
			refusedAsAppendOnly
		);
	});

	it('refuses to delete a ticket', async () => {
		const [ticket] = await database.db.select().from(tickets).limit(1);
		if (!ticket) throw new Error('no ticket');
		await expect(
			database.db.delete(tickets).where(eq(tickets.id, ticket.id))
		).rejects.toMatchObject(refusedAsAppendOnly);
		expect(await database.db.select().from(tickets).where(eq(tickets.id, ticket.id))).toHaveLength(
			1
		);
	});
});
