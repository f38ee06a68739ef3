import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_VALUES } from '../../src/lib/domain/ticket-action-input.js';
import { openDatabase, type Database } from '../../src/lib/server/db/client.js';
import { events, releasePasses } from '../../src/lib/server/db/schema/index.js';
import { loadMessages } from '../../src/lib/server/realtime/projections.js';
import { sweepExpiredPasses } from '../../src/lib/server/release-pass-expiry.js';
import {
	decidedPasses,
	passByCode,
	pendingPasses
} from '../../src/lib/server/release-pass-views.js';
import { decidePass, usePass } from '../../src/lib/server/release-passes.js';
import { listQueue } from '../../src/lib/server/ticket-queues.js';
import { actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { NOW, passDesk, TODAY, type PassDesk } from '../helpers/release-passes.js';
import {
	createDemoDatabase,
	staffIdOf,
	TEST_DATABASE_URL,
	type TestDatabase
} from '../helpers/test-database.js';

// The day's end for item-release passes: a pass still waiting or approved expires when the site's
// next day begins (midnight in Shanghai is 16:00 UTC), its request closes, once. Each test uses
// its own days, so what earlier tests left open cannot blur its counts.

let database: TestDatabase;
let desk: PassDesk;

beforeAll(async () => {
	database = await createDemoDatabase();
	desk = await passDesk(database);
});
afterAll(() => database.dispose());

/** The site's midnight that begins `date` (`YYYY-MM-DD`), in Shanghai. */
const midnightBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`));

async function passOf(id: string) {
	const [pass] = await database.db.select().from(releasePasses).where(eq(releasePasses.id, id));
	if (!pass) throw new Error('no pass');
	return pass;
}

const expiries = async (ticketId: string) =>
	(await desk.eventsOf(ticketId)).filter((e) => e.type === 'pass.expired');

/** Two sweepers at once: two connections on Postgres, two calls on the one PGlite handle. */
async function sweepTwice(now: Date) {
	let second: Database = database.db;
	let close = async () => {};
	if (TEST_DATABASE_URL && database.url) {
		const handle = await openDatabase({ url: database.url });
		second = handle.db;
		close = () => handle.close();
	}
	try {
		return await Promise.all([
			sweepExpiredPasses(database.db, now),
			sweepExpiredPasses(second, now)
		]);
	} finally {
		await close();
	}
}

describe('the day’s end', () => {
	it('expires pending and approved passes at the site’s midnight after their day, not before', async () => {
		const pending = await desk.pendingPass(TODAY);
		const approved = await desk.approvedPass(TODAY);
		const tomorrows = await desk.approvedPass('2026-11-23');
		const before = await desk.ticketOf(approved.ticketId);

		// 15:59:59 UTC is still the 22nd in Shanghai (and 16:00 UTC still the 22nd in UTC).
		await sweepExpiredPasses(database.db, new Date(midnightBefore('2026-11-23').getTime() - 1000));
		expect((await passOf(pending.id)).status).toBe('pending');
		expect((await passOf(approved.id)).status).toBe('approved');

		const midnight = midnightBefore('2026-11-23');
		expect(midnight).toEqual(new Date('2026-11-22T16:00:00Z'));
		expect(await sweepExpiredPasses(database.db, midnight)).toBeGreaterThanOrEqual(2);
		for (const [pass, was] of [
			[pending, 'pending'],
			[approved, 'approved']
		] as const) {
			expect(await passOf(pass.id)).toMatchObject({ status: 'expired', expiredAt: midnight });
			expect(await desk.ticketOf(pass.ticketId)).toMatchObject({
				status: 'closed',
				closedAt: midnight,
				resolvedAt: null,
				updatedAt: midnight
			});
			const [expiry, ...more] = await expiries(pass.ticketId);
			expect(more).toEqual([]);
			expect(expiry).toMatchObject({
				actorKind: 'system',
				actorStaffId: null,
				at: midnight,
				data: { carryOn: TODAY, was }
			});
		}
		expect((await desk.ticketOf(approved.ticketId)).version).toBe(before.version + 1);
		expect((await passOf(tomorrows.id)).status).toBe('approved');

		// A later sweep finds nothing more to do for them.
		await sweepExpiredPasses(database.db, new Date(midnight.getTime() + 60_000));
		expect(await expiries(approved.ticketId)).toHaveLength(1);
	});

	it('leaves used and refused passes as they are', async () => {
		const day = '2026-11-24';
		const used = await desk.approvedPass(day);
		const usedAt = new Date('2026-11-24T03:00:00Z');
		expect(
			await usePass(
				database.db,
				{ siteId: desk.siteId, passId: used.id, actor: desk.guard },
				usedAt
			)
		).toMatchObject({ ok: true });
		const refused = await desk.pendingPass(day);
		await decidePass(
			database.db,
			{
				siteId: desk.siteId,
				passId: refused.id,
				decision: 'refuse',
				reason: '物品清单不全',
				actor: desk.supervisor
			},
			NOW
		);
		const tickets = await Promise.all([used, refused].map((p) => desk.ticketOf(p.ticketId)));

		await sweepExpiredPasses(database.db, midnightBefore('2026-11-25'));
		expect(await passOf(used.id)).toMatchObject({ status: 'used', expiredAt: null });
		expect(await passOf(refused.id)).toMatchObject({ status: 'refused', expiredAt: null });
		for (const ticket of tickets) {
			expect(await desk.ticketOf(ticket.id)).toEqual(ticket);
			expect(await expiries(ticket.id)).toEqual([]);
		}
	});

	it('writes one event per pass when two app processes sweep at the same moment', async () => {
		const day = '2026-11-26';
		// Whatever earlier tests left open for earlier days goes first.
		await sweepExpiredPasses(database.db, midnightBefore(day));
		const passes = [
			await desk.pendingPass(day),
			await desk.approvedPass(day),
			await desk.pendingPass(day),
			await desk.approvedPass(day)
		];
		const results = await sweepTwice(midnightBefore('2026-11-27'));
		expect(results[0] + results[1]).toBe(passes.length);
		for (const pass of passes) {
			expect((await passOf(pass.id)).status).toBe('expired');
			expect(await expiries(pass.ticketId)).toHaveLength(1);
		}
	});

	it('takes the request off the open queues and the wall; the gate and the supervisor see it expired', async () => {
		const day = '2026-11-28';
		const pending = await desk.pendingPass(day);
		const approved = await desk.approvedPass(day);
		const midnight = midnightBefore('2026-11-29');
		await sweepExpiredPasses(database.db, midnight);

		const assistant = {
			staffId: await staffIdOf(database, 'assistant'),
			role: 'assistant' as const
		};
		const open = await listQueue(database.db, desk.siteId, assistant, {
			queue: 'open',
			type: null,
			status: null,
			search: ''
		});
		for (const pass of [pending, approved]) {
			const { serial } = await desk.ticketOf(pass.ticketId);
			expect(open.map((t) => t.serial)).not.toContain(serial);
			const [expiry] = await expiries(pass.ticketId);
			const [message] = await loadMessages(database.db, desk.siteId, (expiry?.seq ?? 1) - 1, 1);
			expect(message?.staff.event).toMatchObject({ type: 'pass.expired', actorName: null });
			expect(message?.public.ticket).toMatchObject({ serial, status: 'closed' });
			expect(message?.public.event).toBeNull();
		}
		expect((await pendingPasses(database.db, desk.siteId)).map((p) => p.id)).not.toContain(
			pending.id
		);
		const recent = await decidedPasses(database.db, desk.siteId);
		expect(recent.slice(0, 2).map((p) => [p.id, p.status, p.expiredAt])).toEqual(
			expect.arrayContaining([
				[pending.id, 'expired', midnight],
				[approved.id, 'expired', midnight]
			])
		);
		expect(await passByCode(database.db, desk.siteId, approved.code)).toMatchObject({
			status: 'expired',
			decidedBy: '陈丽',
			expiredAt: midnight
		});
		const later = new Date(midnight.getTime() + 60_000);
		expect(
			await usePass(
				database.db,
				{ siteId: desk.siteId, passId: approved.id, actor: desk.guard },
				later
			)
		).toEqual({ ok: false, error: 'passExpired' });
		expect(
			await decidePass(
				database.db,
				{ siteId: desk.siteId, passId: pending.id, decision: 'refuse', actor: desk.supervisor },
				later
			)
		).toEqual({ ok: false, error: 'passLapsed' });
	});

	it('neither deadlocks nor doubles with a desk step on the same request at that moment', async () => {
		const day = '2026-11-30';
		const pass = await desk.approvedPass(day);
		const midnight = midnightBefore('2026-12-01');
		const assistant = await staffIdOf(database, 'assistant');
		const [contact] = await Promise.all([
			actOnTicket(
				database.db,
				{
					siteId: desk.siteId,
					ticketId: pass.ticketId,
					action: 'contact',
					actor: { staffId: assistant, role: 'assistant' },
					values: { ...NO_VALUES, contactKind: 'call', text: '提醒业主明天放行条过期' }
				},
				midnight
			),
			sweepExpiredPasses(database.db, midnight)
		]);
		expect(contact).toMatchObject({ ok: true });
		// A request the desk held at that moment is left for the next beat.
		await sweepExpiredPasses(database.db, new Date(midnight.getTime() + 5_000));
		expect((await passOf(pass.id)).status).toBe('expired');
		expect((await desk.ticketOf(pass.ticketId)).status).toBe('closed');
		expect(await expiries(pass.ticketId)).toHaveLength(1);
		const contacts = await database.db
			.select()
			.from(events)
			.where(and(eq(events.ticketId, pass.ticketId), eq(events.type, 'ticket.contacted')));
		expect(contacts).toHaveLength(1);
	});
});
